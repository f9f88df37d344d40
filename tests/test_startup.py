"""Start-up is a feature: a cached ``check`` writing to a pipe imports only what it needs.

Timings live in ``benchmarks/startup.py``; this test proves the design that makes them:
no YAML parser or pydantic (the plan comes from the cache), no rich (output is not a
terminal), no openpyxl (the data is CSV).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

HEAVY = ("yaml", "pydantic", "pydantic_core", "rich", "openpyxl", "difflib")

_PROBE = """
import json, sys
from lzplan.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
sys.stdout.flush()
sys.stderr.write(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def _loaded(args: list[str], cache: Path) -> set[str]:
    env = {**os.environ, "LZPLAN_CACHE_DIR": str(cache)}
    env.pop("LZPLAN_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_cached_check_to_a_pipe_imports_no_heavy_module(tmp_path: Path) -> None:
    args = ["check", "data/actuals/2021.csv"]
    _loaded(args, tmp_path)  # fills the cache (validating the plan, unless the wheel did)
    assert not set(HEAVY) & _loaded(args, tmp_path)


def test_the_probe_sees_pydantic_when_a_plan_is_validated(tmp_path: Path) -> None:
    plan = "tests/examples/library_plan/plan.yaml"
    args = ["check", "--plan", plan, "tests/examples/library_plan/data/2024.csv"]
    assert "pydantic" in _loaded(args, tmp_path)  # the probe does see what a run imports


def test_the_probe_sees_openpyxl_for_a_workbook(tmp_path: Path) -> None:
    workbook = ROOT / "tests" / "examples" / "inputs" / "workbook" / "2024.xlsx"
    args = ["check", "--plan", "tests/examples/library_plan/plan.yaml", str(workbook)]
    _loaded(args, tmp_path)
    assert "openpyxl" in _loaded(args, tmp_path)
