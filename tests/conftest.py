"""Shared fixtures: paths to the example folders and a CLI runner in the repo root."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# CI explores the same examples every run, so that a red build is reproducible; on a
# developer's machine each run explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = Path(__file__).resolve().parent / "examples"


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the plan cache out of the user's home; each test session gets its own."""
    monkeypatch.setenv("LZPLAN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("LZPLAN_NO_CACHE", raising=False)


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables in English unless a test asks for ``--lang zh``: a developer's Chinese locale
    must not change the exact outputs."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    # nor must a run under GitHub Actions turn the tables into annotations
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run in the repository root so that paths in messages are short and stable."""
    monkeypatch.chdir(ROOT)
    yield ROOT


@pytest.fixture
def runner() -> CliRunner:
    """A click runner with a fixed terminal width."""
    return CliRunner(env={"COLUMNS": "100"})
