"""Renderers: a report to text, Markdown, JSON or YAML. Pure functions, no I/O.

Each takes ``(report, options)`` as ``triage.outputs.formats`` registers it; SARIF lives in
``triage.outputs.sarif``.
"""

from __future__ import annotations

from typing import Any

from triage.outputs.options import RenderOptions
from triage.outputs.terminal import render_terminal
from triage.report import Hit, Report, SeedReport, safe_text

EVIDENCE_SHOWN = 5
_MD_SPECIAL = "\\`*_[]<>|~#"


_NO_SCORES = {"seeds": {"__all__": {"scores"}}}


def public_data(report: Report) -> dict[str, Any]:
    """Return the report as JSON-ready data, without the per-seed scores (``triage explain``)."""
    return report.model_dump(mode="json", exclude=_without_scores(report))


def render_json(report: Report) -> str:
    """Render the JSON contract: seeds with verdict, evidence and questions, then the bundle."""
    return report.model_dump_json(indent=2, exclude=_without_scores(report)) + "\n"


def _without_scores(report: Report) -> dict[str, Any] | None:
    """Return the ``exclude`` that leaves the seeds' scores out, or None when none kept any.

    A seed without scores already leaves them out (``exclude_if``); an ``exclude`` is costly
    on large bundles, so it is passed only when some seed kept its scores.
    """
    return _NO_SCORES if any(seed.scores is not None for seed in report.seeds) else None


def render_json_bytes(report: Report, options: RenderOptions | None = None) -> bytes:
    """Render the JSON contract straight to bytes, as ``render_json`` would encode it.

    Large reports are written without building a str first and encoding it again.
    """
    serializer = Report.__pydantic_serializer__
    return serializer.to_json(report, indent=2, exclude=_without_scores(report)) + b"\n"


def render_yaml(report: Report, options: RenderOptions | None = None) -> str:
    """Render the same data as the JSON contract, as YAML (block style, keys in model order)."""
    import yaml

    return yaml.safe_dump(public_data(report), sort_keys=False, allow_unicode=True, width=100)


def render_text(report: Report, options: RenderOptions | None = None) -> str:
    """Render a compact report for a CI log, or the terminal layout when a person reads it.

    Every value is shown with ``safe_text``: no control character of a file name, a document
    or a rule reaches the log or the terminal raw.
    """
    if options is not None and options.terminal:
        return render_terminal(report, options.colour)
    blocks = [_seed_text(seed) for seed in report.seeds]
    blocks.append(f"bundle: {safe_text(report.bundle.summary)}")
    return "\n".join(blocks) + "\n"


def _seed_text(seed: SeedReport) -> str:
    file = safe_text(seed.file)
    if seed.error is not None:
        return f"{file}  error\n  {safe_text(seed.error)}"
    lines = [f"{file}  {seed.verdict}", f"  {safe_text(seed.summary or '')}"]
    if seed.reason:
        lines.append(f"  why: {safe_text(seed.reason)}")
    for hit in seed.evidence[:EVIDENCE_SHOWN]:
        quote = safe_text(f"{hit.rule}  “{hit.excerpt}”")
        lines.append(f"    {hit.line}:{hit.column}  {quote}")
    if seed.questions:
        lines.append("  ask:")
        lines.extend(f"    - {safe_text(question)}" for question in seed.questions)
    return "\n".join(lines)


def md_escape(text: str) -> str:
    """Escape Markdown syntax so quoted seed text renders as the characters it contains.

    Runs of white space become one space; control characters become visible escapes.
    """
    flat = safe_text(" ".join(text.split()))
    return "".join(f"\\{char}" if char in _MD_SPECIAL else char for char in flat)


def md_code(text: str) -> str:
    """Return ``text`` as inline code, with a fence longer than any backtick run inside it.

    Control characters (a newline in a file name too) become visible escapes.
    """
    text = safe_text(text)
    fence = "`"
    while fence in text:
        fence += "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def md_quote(hit: Hit) -> str:
    """Return one piece of evidence as a quoted Markdown line with its line number."""
    return (
        f"> line {hit.line}, column {hit.column} ({md_code(hit.rule)}): “{md_escape(hit.excerpt)}”"
    )


def render_markdown(report: Report, options: RenderOptions | None = None) -> str:
    """Render a report to paste into a ticket or pull-request comment."""
    parts = [
        "# Seed triage",
        f"**Bundle:** {md_escape(report.bundle.summary)}",
        _md_table(report.seeds),
        *(_md_seed(seed) for seed in report.seeds),
    ]
    return "\n\n".join(parts) + "\n"


def _md_table(seeds: tuple[SeedReport, ...]) -> str:
    rows = ["| Seed | Verdict | Genre | Summary |", "|---|---|---|---|"]
    for seed in seeds:
        verdict = seed.verdict or "error"
        genre = md_escape(seed.genre or "")
        summary = md_escape(seed.summary or seed.error or "")
        rows.append(f"| {md_code(seed.file)} | **{verdict}** | {genre} | {summary} |")
    return "\n".join(rows)


def _md_seed(seed: SeedReport) -> str:
    heading = f"## {md_code(seed.file)}: {seed.verdict or 'error'}"
    if seed.error is not None:
        return f"{heading}\n\nCould not be triaged: {md_escape(seed.error)}"
    blocks = [heading, md_escape(seed.summary or "")]
    if seed.reason:
        blocks.append(f"Why: {md_escape(seed.reason)}.")
    if seed.evidence:
        blocks.append("Decisive evidence:\n\n" + "\n>\n".join(md_quote(h) for h in seed.evidence))
    if seed.questions:
        numbered = "\n".join(f"{i}. {md_escape(q)}" for i, q in enumerate(seed.questions, 1))
        blocks.append(f"Questions to ask:\n\n{numbered}")
    return "\n\n".join(blocks)
