"""The result-format registry: every format names a reporter that exists, and --format
offers exactly the registered names."""

from __future__ import annotations

import importlib

import click
import pytest

from lzplan.cli import main
from lzplan.reporters import CHECK_FORMATS, PROGRESS_FORMATS, Format


@pytest.mark.parametrize("format_", [*CHECK_FORMATS.values(), *PROGRESS_FORMATS.values()], ids=repr)
def test_every_format_names_a_reporter(format_: Format) -> None:
    module = importlib.import_module(f"lzplan.{format_.module}")
    assert callable(getattr(module, format_.function))


@pytest.mark.parametrize("command", ["check", "progress"])
def test_format_choices_are_the_registry(command: str) -> None:
    group = main
    assert isinstance(group, click.Group)
    (option,) = [p for p in group.commands[command].params if p.name == "output_format"]
    assert isinstance(option.type, click.Choice)
    # auto picks one of them (a table, or github annotations under Actions)
    assert list(option.type.choices) == ["auto", *CHECK_FORMATS]
    assert list(CHECK_FORMATS) == list(PROGRESS_FORMATS)
