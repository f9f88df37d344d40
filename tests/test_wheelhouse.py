"""The offline install: a wheelhouse built by scripts/wheelhouse.py installs lzplan in a
fresh virtual environment with no package index at all, and the installed lzplan runs."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.skipif(sys.platform != "linux", reason="builds the Linux wheelhouse")
@pytest.mark.skipif(sys.version_info < (3, 11), reason="the script reads pyproject with tomllib")
def test_a_linux_wheelhouse_installs_with_no_index(tmp_path: Path) -> None:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    house = tmp_path / "wheelhouse"
    script = ROOT / "scripts" / "wheelhouse.py"
    built = subprocess.run(
        [sys.executable, str(script), "--out", str(house), "--platform", "linux",
         "--python", version],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    names = {path.name.split("-")[0].lower() for path in house.glob("*.whl")}
    assert {"lzplan", "click", "pydantic", "pydantic_core", "pyyaml", "rich", "openpyxl"} <= names
    target = tmp_path / "offline"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links",
         str(house), "lzplan[xlsx]"],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-2000:]
    ran = subprocess.run(
        [str(target / "bin" / "lzplan"), "check", str(ROOT / "data" / "actuals")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert ran.returncode in (0, 1), ran.stderr
    assert "2023" in ran.stdout
    # the first run after the install, with an empty cache, takes the bundled plan as the
    # wheel shipped it validated: neither PyYAML nor pydantic is imported to validate it
    first = subprocess.run(
        [str(python), "-c", FIRST_RUN, str(ROOT / "data" / "actuals" / "2021.csv")],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "LZPLAN_CACHE_DIR": str(tmp_path / "empty-cache")},
    )  # fmt: skip
    assert first.stdout.split() == ["False", "False"], first.stderr


#: A check in-process, then whether it imported PyYAML and pydantic.
FIRST_RUN = """
import contextlib, io, sys
from lzplan.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["check", sys.argv[1]])
print("yaml" in sys.modules, "pydantic" in sys.modules)
"""
