"""The bundled plans shipped validated in the wheel: taken only when they were made from
the same YAML by the same code, and then the same plan that validating gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lzplan.planfile import PLAN_CODE, parse_plan
from lzplan.prevalidated import read, write

from .conftest import ROOT


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """The bundled plan and its validated twin, side by side as in an installed wheel."""
    plan = tmp_path / "plan.yaml"
    shutil.copy(ROOT / "data" / "plan.yaml", plan)
    write(plan, tmp_path, PLAN_CODE)
    return plan


def test_the_shipped_plan_is_the_plan_validation_gives(shipped: Path) -> None:
    raw = shipped.read_bytes()
    assert read(shipped, raw, PLAN_CODE) == parse_plan(raw, str(shipped))


def test_a_plan_changed_since_is_not_taken(shipped: Path) -> None:
    raw = shipped.read_bytes().replace(b"title_en:", b"title_en:  ", 1)
    assert read(shipped, raw, PLAN_CODE) is None


def test_other_code_does_not_take_it(shipped: Path) -> None:
    assert read(shipped, shipped.read_bytes(), ("model.py",)) is None


def test_a_damaged_or_missing_twin_is_passed_over(shipped: Path, tmp_path: Path) -> None:
    twin = shipped.with_name("plan.yaml.validated")
    twin.write_bytes(b"not a pickle")
    assert read(shipped, shipped.read_bytes(), PLAN_CODE) is None
    twin.unlink()
    assert read(shipped, shipped.read_bytes(), PLAN_CODE) is None
