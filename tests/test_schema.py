"""``triage schema``: the JSON Schema of the JSON report, checked against real reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from triage import assess_paths
from triage.cli import main
from triage.outputs import render_json

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    from triage.outputs import report_schema

    schema = report_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _json_report(paths: list[Path]) -> dict[str, Any]:
    return json.loads(render_json(assess_paths(paths)))  # type: ignore[no-any-return]


@pytest.mark.parametrize("bundle", ["seeds/INDEX.md", "examples/design-card/INDEX.md"])
def test_real_reports_validate(bundle: str, validator: jsonschema.protocols.Validator) -> None:
    validator.validate(_json_report([ROOT / bundle]))


def test_error_rows_validate(tmp_path: Path, validator: jsonschema.protocols.Validator) -> None:
    index = tmp_path / "INDEX.md"
    index.write_text("- [gone](gone.txt)\n", encoding="utf-8")
    data = _json_report([index])
    assert data["seeds"][0]["error"]
    validator.validate(data)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("seeds", 0, "verdict"), "maybe"),
        (("seeds", 0, "evidence", 0, "line"), "one"),
        (("bundle", "unexpected"), 1),
    ],
)
def test_broken_reports_are_rejected(
    path: tuple[str | int, ...], value: object, validator: jsonschema.protocols.Validator
) -> None:
    data = _json_report([ROOT / "seeds" / "INDEX.md"])
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(printed["properties"]) == {"tool", "version", "seeds", "bundle"}


def test_schema_command_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.schema.json"
    assert main(["schema", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Report"
