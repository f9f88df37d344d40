"""The CI documentation works as written: the example workflow has the structure GitHub
reads (a strict schema of the part it uses) and each of its lzplan commands runs on a data
repository's folder; the pre-commit hook's command validates a file."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import EXAMPLES, ROOT

jsonschema = pytest.importorskip("jsonschema")
WORKFLOW = ROOT / "docs" / "examples" / "lzplan-data.yml"
_SHELL = ("||", "&&", ">>", ">", "|", ";")


def _workflow() -> dict[str, object]:
    # YAML 1.1 reads the key `on` as True: as GitHub does not
    text = WORKFLOW.read_text("utf-8").replace("\non:", '\n"on":')
    data: dict[str, object] = yaml.safe_load(text)
    return data


def test_the_workflow_has_the_structure_github_reads() -> None:
    schema = json.loads((EXAMPLES / "ci" / "workflow.schema.json").read_text("utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(_workflow()))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def _commands() -> list[list[str]]:
    found = []
    jobs = _workflow()["jobs"]
    assert isinstance(jobs, dict)
    for job in jobs.values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                words = shlex.split(line)
                if words[:1] == ["lzplan"]:
                    cut = next((i for i, w in enumerate(words) if w in _SHELL), len(words))
                    found.append(words[1:cut])
    return found


def test_each_lzplan_command_of_the_workflow_runs_on_a_data_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "data" / "illustrative", tmp_path / "data")
    (tmp_path / "data" / "README.md").unlink()
    monkeypatch.chdir(tmp_path)
    commands = _commands()
    assert {c[0] for c in commands} == {"validate", "check", "progress"}
    for args in commands:
        result = runner.invoke(main, args)
        assert result.exit_code in (0, 1), (args, result.output[-500:])
        assert "internal error" not in result.output


def test_the_pre_commit_hook_validates_each_file(runner: CliRunner, tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "lzplan-validate" and hook["pass_filenames"] is True
    entry = shlex.split(hook["entry"])
    assert entry[0] == "lzplan"
    good = ROOT / "data" / "illustrative" / "2025.csv"
    bad = tmp_path / "2025.csv"
    bad.write_text("指标,数值\n学前三年毛入园率,0.99\n", "utf-8")  # a fraction for a percentage
    assert runner.invoke(main, [*entry[1:], str(good)]).exit_code == 0
    refused = runner.invoke(main, [*entry[1:], str(good), str(bad)])
    assert refused.exit_code == 2 and "0.99" in refused.output
