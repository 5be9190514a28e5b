"""The JSON Schema of the JSON report, generated from the pydantic report models."""

from __future__ import annotations

import json
from typing import Any

from triage.report import Report, __version__

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def report_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every ``--format json`` report satisfies."""
    schema = Report.model_json_schema(mode="serialization")
    return {
        "$schema": SCHEMA_DIALECT,
        "$comment": f"seed-triage {__version__} JSON report",
        **schema,
    }


def render_schema() -> str:
    """Return the schema as indented JSON, keys in a stable order."""
    return json.dumps(report_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
