"""Renderers: a report to text for people or JSON for tools. Pure functions, no I/O."""

from __future__ import annotations

from collections.abc import Callable

from triage.report import Report, SeedReport

EVIDENCE_SHOWN = 5


def render_json(report: Report) -> str:
    """Render the JSON contract: seeds with verdict, evidence and questions, then the bundle."""
    return report.model_dump_json(indent=2, exclude={"seeds": {"__all__": {"scores"}}}) + "\n"


def render_text(report: Report) -> str:
    """Render a compact report for a terminal or a CI log."""
    blocks = [_seed_text(seed) for seed in report.seeds]
    blocks.append(f"bundle: {report.bundle.summary}")
    return "\n".join(blocks) + "\n"


def _seed_text(seed: SeedReport) -> str:
    if seed.error is not None:
        return f"{seed.file}  error\n  {seed.error}"
    lines = [f"{seed.file}  {seed.verdict}", f"  {seed.summary}"]
    if seed.reason:
        lines.append(f"  why: {seed.reason}")
    for hit in seed.evidence[:EVIDENCE_SHOWN]:
        lines.append(f"    {hit.line}:{hit.column}  {hit.rule}  “{hit.excerpt}”")
    if seed.questions:
        lines.append("  ask:")
        lines.extend(f"    - {question}" for question in seed.questions)
    return "\n".join(lines)


RENDERERS: dict[str, Callable[[Report], str]] = {"text": render_text, "json": render_json}
