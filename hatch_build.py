"""Building the wheel: the bundled plans are validated now, once, and shipped validated
(``lzplan/_bundled/*.yaml.validated``; see ``src/lzplan/prevalidated.py``), so that the first
run after an install does not import PyYAML and pydantic to validate them."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: The bundled plan files, as the wheel's force-include in pyproject.toml ships them.
PLANS = ("plan.yaml", "preschool-universal.yaml", "compulsory-quality-balance.yaml")


class PrevalidatedPlans(BuildHookInterface):  # type: ignore[type-arg]
    """Adds each bundled plan, validated, to the wheel beside its YAML."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the plans from data/ and validates them once
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        from lzplan.planfile import PLAN_CODE
        from lzplan.prevalidated import write

        folder = Path(tempfile.mkdtemp(prefix="lzplan-plans-"))
        for name in PLANS:
            shipped = write(root / "data" / name, folder, PLAN_CODE)
            build_data["force_include"][str(shipped)] = f"lzplan/_bundled/{shipped.name}"
