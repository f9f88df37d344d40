"""Every JSON output validates against its versioned schema in schemas/v1: a contract for
CI jobs built on lzplan. Each command is run on the example folders that give the most
varied results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import ROOT

jsonschema = pytest.importorskip("jsonschema")
SCHEMAS = ROOT / "schemas" / "v1"
COUNTY = ["data/illustrative-county", "--roster", "data/illustrative-county/roster.csv"]


def _validator(name: str) -> object:
    from referencing import Registry, Resource

    schemas = [json.loads(p.read_text("utf-8")) for p in SCHEMAS.glob("*.schema.json")]
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas
    )
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=registry)


RUNS = [
    ("check", ["check", "data/illustrative", "--format", "json"]),
    ("check", ["check", "data/actuals", "--format", "json", "--lang", "zh"]),
    ("check", ["check", *COUNTY, "--plan", "compulsory-quality-balance", "--format", "json"]),
    ("progress", ["progress", "data/illustrative", "--format", "json"]),
    ("progress", ["progress", "--format", "json", "--lang", "zh"]),
    ("readiness", ["readiness", *COUNTY, "--format", "json"]),
    ("problems", ["validate", "tests/examples/bad_data", "--each", "--format", "json"]),
    ("problems", ["validate", "data/illustrative/2025.csv", "--format", "json"]),
]


@pytest.mark.parametrize(("schema", "args"), RUNS, ids=[" ".join(a[:2]) for _, a in RUNS])
def test_every_json_output_validates_against_its_schema(
    schema: str, args: list[str], runner: CliRunner, in_root: Path
) -> None:
    result = runner.invoke(main, args)
    data = json.loads(result.stdout)
    assert data, "an empty list would prove nothing"
    errors = sorted(_validator(schema).iter_errors(data), key=str)  # type: ignore[attr-defined]
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_a_schema_refuses_what_it_does_not_know(runner: CliRunner, in_root: Path) -> None:
    rows = json.loads(runner.invoke(main, ["check", "data/actuals", "--format", "json"]).stdout)
    rows[0]["status"] = "passed"
    rows[1]["surprise"] = 1
    validator = _validator("check")
    assert len(list(validator.iter_errors(rows))) == 2  # type: ignore[attr-defined]


def test_readiness_with_criteria_not_judged_validates_too(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    import shutil

    county = tmp_path / "county"
    shutil.copytree(ROOT / "data" / "illustrative-county", county)
    kindergartens = county / "幼儿园-2025.csv"
    lines = kindergartens.read_text("utf-8").splitlines()
    lines[2] = "," + lines[2].split(",", 1)[1]  # a kindergarten without its name
    kindergartens.write_text("\n".join(lines) + "\n", "utf-8")
    args = ["readiness", str(county), "--roster", str(county / "roster.csv"), "--format", "json"]
    result = runner.invoke(main, args)
    data = json.loads(result.stdout)
    assert [item["verdict"] for item in data][1:] == ["refused"]
    errors = sorted(_validator("readiness").iter_errors(data), key=str)  # type: ignore[attr-defined]
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
