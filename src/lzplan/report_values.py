"""What lzplan read from the data: one line per observation, for people checking a sheet."""

from __future__ import annotations

from .dataset import Dataset
from .display import format_number, safe
from .model import Plan


def render_values(datasets: list[Dataset], plan: Plan) -> str:
    """``2024 学前三年毛入园率 (preschool_gross_enrolment_rate) = 98.5% ← file:5`` lines."""
    lines = []
    for dataset in datasets:
        for observation in dataset.observations():
            indicator = plan.indicator(observation.indicator)
            who = f" [{observation.entity}]" if observation.entity else ""
            if observation.value is None:
                value = "no value"
            elif observation.flag is not None:
                value = observation.flag.text()
            else:
                unit = indicator.unit
                value = format_number(observation.value) + (unit if unit == "%" else f" {unit}")
            lines.append(
                f"{observation.year} {indicator.name_zh} ({indicator.id}){who} = {value.strip()}"
                f"  ← {observation.place}"
            )
    return "".join(safe(line) + "\n" for line in lines)
