"""A long run shows how many files it has read on a terminal, and nothing anywhere else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan import cli, cliio
from lzplan.check import load
from lzplan.datafile import ReadOptions


def _county_files(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"school{number:03}-2025.csv").write_text(
            f"学校名称,专兼职心理健康教育教师数\n学校{number},1\n", "utf-8"
        )


def test_the_library_tells_each_file_read(tmp_path: Path) -> None:
    _county_files(tmp_path / "county", 60)
    told: list[tuple[int, int]] = []
    options = ReadOptions(progress=lambda number, total: told.append((number, total)))
    load(None, None, [tmp_path / "county"], options)
    assert told == [(number, 60) for number in range(1, 61)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_line_rewritten_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = _Terminal()
    monkeypatch.setattr(cliio.sys, "stderr", screen)
    told = cliio.progress_line()
    assert told is not None
    for number in range(1, 61):
        told(number, 60)
    assert screen.getvalue() == (
        "\rreading 1/60 files …\rreading 25/60 files …\rreading 50/60 files …\r\x1b[K"
    )
    quiet = _Terminal()
    monkeypatch.setattr(cliio.sys, "stderr", quiet)
    short = cliio.progress_line()
    assert short is not None
    for number in range(1, 11):
        short(number, 10)  # a short run says nothing
    assert quiet.getvalue() == ""


def test_a_pipe_gets_no_progress(runner: CliRunner, tmp_path: Path) -> None:
    _county_files(tmp_path / "county", 60)
    result = runner.invoke(cli.main, ["validate", str(tmp_path / "county")])
    assert "reading" not in result.output
