"""SARIF 2.1.0 output for code-scanning pages: one result per seed at or below ``--fail-on``.

Each result points at the seed's file and at its first piece of decisive evidence; the other
evidence goes into ``relatedLocations``. A seed that could not be read is a ``seed-error``
result. The output is a pure function of the report: no timestamps, no absolute paths added.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from triage.outputs.options import RenderOptions
from triage.report import Hit, Report, SeedReport, falls_below

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/seed-triage/"

# (id, level, short description): the kinds of result this tool reports.
SARIF_RULES: tuple[tuple[str, str, str], ...] = (
    ("not-a-spec", "error", "The seed is not a specification: it asks for nothing to be built."),
    ("needs-clarification", "warning", "The seed intends a build but lacks essentials."),
    ("seed-error", "error", "The seed could not be read or is not listed correctly."),
)
_RULE_INDEX = {rule_id: i for i, (rule_id, _, _) in enumerate(SARIF_RULES)}


def render_sarif(report: Report, options: RenderOptions | None = None) -> str:
    """Render a SARIF 2.1.0 log: one result per unreadable seed or seed at ``fail_on`` or worse."""
    fail_on = (options or RenderOptions()).fail_on
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [_run(report, fail_on)],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _run(report: Report, fail_on: str) -> dict[str, Any]:
    results = [
        _result(seed)
        for seed in report.seeds
        if seed.error is not None or falls_below(seed, fail_on)
    ]
    return {
        "tool": {"driver": _driver(report.version)},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"bundle": report.bundle.model_dump(mode="json")},
    }


def _driver(version: str) -> dict[str, Any]:
    return {
        "name": "seed-triage",
        "version": version,
        "informationUri": INFORMATION_URI,
        "rules": [
            {
                "id": rule_id,
                "shortDescription": {"text": text},
                "defaultConfiguration": {"level": level},
            }
            for rule_id, level, text in SARIF_RULES
        ],
    }


def _result(seed: SeedReport) -> dict[str, Any]:
    rule_id = seed.verdict if seed.error is None and seed.verdict else "seed-error"
    first = seed.evidence[0] if seed.evidence else None
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": _RULE_INDEX[rule_id],
        "level": SARIF_RULES[_RULE_INDEX[rule_id]][1],
        "message": {"text": result_message(seed)},
        "locations": [{"physicalLocation": _physical(seed.file, first)}],
    }
    if len(seed.evidence) > 1:
        result["relatedLocations"] = [
            _related(seed.file, i, hit) for i, hit in enumerate(seed.evidence[1:], 1)
        ]
    if seed.error is None:
        result["properties"] = _properties(seed)
    return result


def result_message(seed: SeedReport) -> str:
    """Return the message of a seed's result: summary, reason and the questions to ask."""
    if seed.error is not None:
        return f"{seed.path}: {seed.error}"
    reason = seed.reason or ""
    text = f"{seed.summary}. {reason[:1].upper()}{reason[1:]}."
    if seed.questions:
        text += " Ask: " + " ".join(seed.questions)
    return text


def artifact_uri(file: str) -> str:
    """Return a seed's path as a URI reference: relative paths stay relative."""
    path = PurePosixPath(file)
    if path.is_absolute():
        return "file://" + quote(path.as_posix())
    return quote(path.as_posix())


def _physical(file: str, hit: Hit | None) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(file)}}
    if hit is not None:
        location["region"] = {"startLine": hit.line, "startColumn": hit.column}
    return location


def _related(file: str, index: int, hit: Hit) -> dict[str, Any]:
    return {
        "id": index,
        "physicalLocation": _physical(file, hit),
        "message": {"text": f"{hit.rule}: “{hit.excerpt}”"},
    }


def _properties(seed: SeedReport) -> dict[str, Any]:
    return {
        "genre": seed.genre,
        "runnerUp": seed.runner_up,
        "dimensions": seed.dimensions.model_dump() if seed.dimensions else None,
        "questions": list(seed.questions),
    }
