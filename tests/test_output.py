"""Writing results: atomically, never over an input, and CSV as bytes for any console."""

from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import stat
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.errors import LzplanError
from lzplan.output import OutputError, write_output
from lzplan.report_csv import COLUMNS, render_csv_bytes
from lzplan.results import Report, Result

OLD = b"indicator,value\nmembers,12\n"
NEW = b"new result\r\n"


def _problem(error: pytest.ExceptionInfo[OutputError]) -> tuple[str, str]:
    (problem,) = error.value.problems
    return problem.file, problem.message


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "2024.csv"
    path.write_bytes(OLD)
    return path


def test_writes_a_new_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "结果.csv"
    write_output(path, NEW)
    assert path.read_bytes() == NEW
    assert [p.name for p in tmp_path.iterdir()] == ["结果.csv"]


def test_replaces_a_file_keeping_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "result.csv"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_output(path, NEW)
    assert path.read_bytes() == NEW
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


def test_an_existing_file_needs_force(data: Path) -> None:
    with pytest.raises(OutputError) as error:
        write_output(data, NEW, force=False)
    assert _problem(error) == (str(data), "exists: pass --force to replace it")
    assert data.read_bytes() == OLD


def test_a_new_file_needs_no_force(tmp_path: Path) -> None:
    write_output(tmp_path / "new.csv", NEW, force=False)
    assert (tmp_path / "new.csv").read_bytes() == NEW


def _other_names(data: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, Path]]:
    """(output, input) pairs that name the same file in different ways."""
    monkeypatch.chdir(data.parent)
    pairs = [(data, data), (Path("2024.csv"), data), (data, Path("./sub/../2024.csv"))]
    (data.parent / "sub").mkdir()
    hard = data.parent / "hard.csv"
    os.link(data, hard)
    pairs.append((hard, data))
    if os.name == "posix":
        link = data.parent / "link.csv"
        link.symlink_to(data)
        pairs += [(link, data), (data, link)]
    return pairs


def test_an_input_is_never_the_output(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path, given in _other_names(data, monkeypatch):
        with pytest.raises(OutputError) as error:
            write_output(path, NEW, inputs=[Path("other.csv"), given])
        message = "is one of the files this run reads: choose another --output"
        assert _problem(error) == (str(path), message)
        assert data.read_bytes() == OLD


def test_nothing_is_written_into_a_folder_being_read(data: Path) -> None:
    path = data.parent / "deeper" / "2023.csv"
    path.parent.mkdir()
    with pytest.raises(OutputError) as error:
        write_output(path, NEW, inputs=[data.parent])
    assert "a folder being read: choose another --output" in _problem(error)[1]
    assert not path.exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as error:
        write_output(tmp_path, NEW)
    assert _problem(error) == (str(tmp_path), "is a folder: name a file for --output")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "result.csv"
    with pytest.raises(OutputError) as error:
        write_output(path, NEW)
    message = f"cannot write the file: there is no folder {tmp_path / 'nope'}"
    assert _problem(error) == (str(path), message)
    assert isinstance(error.value, LzplanError)  # the CLI turns it into exit 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs Unix permissions")
def test_a_folder_without_write_permission(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "result.csv").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError) as error:
            write_output(folder / "result.csv", NEW)
        assert _problem(error)[1] == "cannot write the file: Permission denied"
        assert (folder / "result.csv").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


def test_a_refused_permission_is_a_reason(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object) -> int:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    with monkeypatch.context() as patch, pytest.raises(OutputError) as error:
        patch.setattr(os, "open", refused)  # as root, chmod would not stop us
        write_output(data, NEW)
    assert _problem(error) == (str(data), f"cannot write the file: {os.strerror(errno.EACCES)}")
    assert data.read_bytes() == OLD


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(handle: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch, pytest.raises(OutputError) as error:
        patch.setattr(os, "fsync", full)
        write_output(data, NEW)
    assert _problem(error) == (str(data), f"cannot write the file: {os.strerror(errno.ENOSPC)}")
    assert data.read_bytes() == OLD
    assert _leftovers(data.parent) == []


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: object, target: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(os, "replace", interrupted)
        write_output(data, NEW)
    assert data.read_bytes() == OLD
    assert _leftovers(data.parent) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_output(pipe, NEW)
    reader.join(timeout=10)
    assert received == [NEW]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


# --- CSV as bytes ----------------------------------------------------------------------------


def _report(file: str = "data/2024.csv") -> Report:
    result = Result(
        target="reading.members",
        section="reading",
        name_zh="持证读者",
        name_en="Registered readers",
        kind="threshold",
        nature="binding",
        year=2024,
        status="fail",
        unit="万人",
        op=">=",
        expected=12.0,
        actual=11.5,
        gap=-0.5,
        detail='=HYPERLINK("http://x")',
        misses=("-南城分馆", "东城分馆"),
    )
    return Report(file, 2024, (result,))


def test_csv_bytes_are_utf8_with_a_bom_and_parse() -> None:
    data = render_csv_bytes([_report()])
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(COLUMNS)
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert (row["name_zh"], row["unit"], row["actual"]) == ("持证读者", "万人", "11.5")
    assert row["detail"] == '\'=HYPERLINK("http://x")'  # still never a formula
    assert row["misses"] == "'-南城分馆; 东城分馆"


def test_csv_bytes_need_no_console_encoding() -> None:
    data = render_csv_bytes([_report()])
    with pytest.raises(UnicodeEncodeError):
        data.decode("utf-8").encode("gbk")  # why the text could not be echoed there
    console = io.TextIOWrapper(io.BytesIO(), encoding="gbk")
    console.buffer.write(data)
    assert console.buffer.getvalue() == data


def test_csv_bytes_survive_a_file_name_that_is_not_utf8() -> None:
    name = os.fsdecode(b"data/\xff2024.csv") if sys.platform != "win32" else "data/\udcff.csv"
    text = render_csv_bytes([_report(name)]).decode("utf-8-sig")
    assert "\\udcff" in text


def test_csv_bytes_go_to_a_file_unchanged(tmp_path: Path) -> None:
    data = render_csv_bytes([_report()])
    write_output(tmp_path / "结果.csv", data)
    assert (tmp_path / "结果.csv").read_bytes() == data


# --- the CLI's --output -----------------------------------------------------------------


def test_check_output_writes_the_csv_bytes_and_never_an_input(
    tmp_path: Path, runner: CliRunner
) -> None:
    from lzplan.cli import main

    data = tmp_path / "2024.csv"
    data.write_text("指标,数值\n幼儿园数,98\n", encoding="utf-8")
    before = data.read_bytes()
    result = tmp_path / "结果.csv"
    done = runner.invoke(main, ["check", str(data), "--format", "csv", "-o", str(result)])
    assert done.exit_code == 0 and done.stdout == ""
    assert result.read_bytes().startswith("\ufeffdataset,year,".encode())
    refused = runner.invoke(main, ["check", str(data), "--format", "csv", "-o", str(data)])
    assert refused.exit_code == 2
    assert "is one of the files this run reads: choose another --output" in refused.stderr
    inside = runner.invoke(main, ["validate", str(tmp_path), "-o", str(tmp_path / "x.txt")])
    assert inside.exit_code == 2 and "a folder being read" in inside.stderr
    assert data.read_bytes() == before
    # the result saved beside the data is recognised and skipped when the folder is read
    again = runner.invoke(main, ["validate", str(tmp_path)])
    assert again.exit_code == 0
    assert f"note: {result}: skipped: an lzplan result file, not data\n" in again.stdout


def test_check_csv_on_a_gbk_console_writes_utf8_bytes(tmp_path: Path) -> None:
    import subprocess
    import sys

    from .conftest import ROOT

    env = {**__import__("os").environ, "PYTHONIOENCODING": "gbk"}
    done = subprocess.run(
        [sys.executable, "-m", "lzplan", "check", "data/actuals", "--format", "csv"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("\ufeffdataset,".encode())
    assert "幼儿在园人数" in done.stdout.decode("utf-8-sig")


def test_output_never_replaces_the_roster_or_the_plan_the_run_read(
    tmp_path: Path, runner: CliRunner
) -> None:
    from lzplan.cli import main

    from .conftest import EXAMPLES

    for name in ("town_plan.yaml", "roster.csv"):
        (tmp_path / name).write_bytes((EXAMPLES / "bureau" / name).read_bytes())
    data = tmp_path / "data" / "2024.csv"
    data.parent.mkdir()
    data.write_text("乡镇,中心幼儿园数\n东城镇,1\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    for target, output_format in (("roster.csv", "csv"), ("town_plan.yaml", "table")):
        args = ["--plan", str(tmp_path / "town_plan.yaml"), str(data), "-o", str(tmp_path / target)]
        result = runner.invoke(main, ["check", *args, "--format", output_format])
        assert result.exit_code == 2
        assert "is one of the files this run reads: choose another --output" in result.stderr
    made = runner.invoke(
        main,
        [
            "template", "2024", "--plan", str(tmp_path / "town_plan.yaml"),
            "-o", str(tmp_path / "roster.csv"), "--force",
        ],
    )  # fmt: skip
    assert made.exit_code == 2
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path, runner: CliRunner) -> None:
    from lzplan.cli import main

    data = tmp_path / "data" / "2024.csv"
    data.parent.mkdir()
    data.write_text("指标,数值\n幼儿园数,98\n", encoding="utf-8")
    workbook = tmp_path / "2024年学校统计.csv"  # the bureau's own file, not read by this run
    workbook.write_bytes(b"school,pupils\n")
    args = ["check", str(data), "--format", "csv", "-o", str(workbook)]
    refused = runner.invoke(main, args)
    assert refused.exit_code == 2
    assert f"error: {workbook}: exists: pass --force to replace it\n" == refused.stderr
    assert workbook.read_bytes() == b"school,pupils\n"
    assert runner.invoke(main, [*args, "--force"]).exit_code == 0
    assert workbook.read_bytes().startswith("\ufeffdataset,".encode())
    # a report lzplan wrote may be written again without --force: it is regenerated
    for output_format in ("csv", "json", "table"):
        report = tmp_path / f"结果.{output_format}"
        again = ["check", str(data), "--format", output_format, "-o", str(report)]
        assert runner.invoke(main, again).exit_code == 0
        assert runner.invoke(main, again).exit_code == 0, output_format
    problems = tmp_path / "问题.txt"
    for _ in range(2):
        assert runner.invoke(main, ["validate", str(data), "-o", str(problems)]).exit_code == 0
    dash = runner.invoke(main, ["check", str(data), "--format", "csv", "-o", "-"])
    assert dash.stdout_bytes.startswith("\ufeffdataset,".encode())
    assert not (Path.cwd() / "-").exists()


def test_a_validation_report_reaches_its_output_file_with_the_problems(
    tmp_path: Path, runner: CliRunner
) -> None:
    from lzplan.cli import main

    data = tmp_path / "2024.csv"
    data.write_text("指标,数值\n幼儿园数,abc\n", encoding="utf-8")
    for output_format, head in (("text", "error: "), ("github", "::error "), ("json", "[")):
        report = tmp_path / f"report-{output_format}.txt"
        args = ["validate", str(data), "--format", output_format, "-o", str(report)]
        result = runner.invoke(main, args)
        assert result.exit_code == 2
        assert report.read_text(encoding="utf-8").startswith(head)
        assert "expected a number, found 'abc'" in report.read_text(encoding="utf-8")


def test_a_character_outside_gbk_on_a_gbk_console_is_escaped_not_a_crash(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    data = tmp_path / "2024.csv"
    data.write_text("学校名称,专兼职心理健康教育教师数\n𠮷镇中学,1\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    for args in (["check", str(data)], ["validate", "--show", str(data)]):
        done = subprocess.run(
            [sys.executable, "-m", "lzplan", *args], env=env, capture_output=True, check=False
        )
        assert done.returncode in (0, 1), done.stderr.decode("gbk", "replace")
        assert b"internal error" not in done.stderr
        assert "\\U00020bb7镇中学".encode("gbk") in done.stdout + done.stderr


def test_no_output_over_a_plan_the_plan_extends(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    # a city's plan extends its own base file: the base is read too, and never replaced
    from lzplan.cli import main

    base = tmp_path / "base.yaml"
    base.write_text(
        (in_root / "tests" / "examples" / "extends" / "stricter.yaml").read_text("utf-8")
    )
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\nid: child-plan\ntitle_zh: 子规划\n", "utf-8")
    before = base.read_bytes()
    args = ["check", "data/actuals/2023.csv", "--plan", str(child), "-o", str(base), "--force"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert base.read_bytes() == before


def test_a_template_to_standard_output_with_a_dash(runner: CliRunner, tmp_path: Path) -> None:
    from lzplan.cli import main

    result = runner.invoke(main, ["template", "2025", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith("\ufeff指标代码,".encode())


@pytest.mark.parametrize(
    "args",
    [
        ["report", "data/illustrative"],
        ["check", "data/illustrative/2025.csv", "--format", "markdown"],
        ["check", "data/illustrative/2025.csv", "--format", "junit"],
        ["check", "data/illustrative/2025.csv", "--format", "xlsx"],
        [
            "readiness",
            "data/illustrative-county",
            "--roster",
            "data/illustrative-county/roster.csv",
            "--format",
            "xlsx",
        ],
    ],
    ids=["html", "markdown", "junit", "xlsx", "readiness-xlsx"],
)
def test_an_earlier_lzplan_report_is_replaced_a_bureaus_file_is_not(
    args: list[str], runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    from lzplan.cli import main

    pytest.importorskip("openpyxl")
    out = tmp_path / "result"
    first = runner.invoke(main, [*args, "-o", str(out)])
    assert first.exit_code in (0, 1), first.output
    again = runner.invoke(main, [*args, "-o", str(out)])
    assert again.exit_code in (0, 1), again.output  # its own report: regenerated
    theirs = tmp_path / "theirs"
    theirs.write_text("a bureau's own notes\n", "utf-8")
    refused = runner.invoke(main, [*args, "-o", str(theirs)])
    assert refused.exit_code == 2 and theirs.read_text("utf-8") == "a bureau's own notes\n"


@pytest.mark.parametrize(
    ("name", "chosen", "named"),
    [
        ("结果.xlsx", "csv", "xlsx"),
        ("总结评估.html", "table", "html"),
        ("结果.json", "csv", "json"),
    ],
)
def test_an_output_named_for_another_format_is_refused(
    tmp_path: Path, runner: CliRunner, name: str, chosen: str, named: str
) -> None:
    # CSV text in a file named .xlsx would open as a broken workbook: refused before anything
    # is read or written, with the --format the name asks for
    from lzplan.cli import main

    data = tmp_path / "2024.csv"
    data.write_text("指标,数值\n幼儿园数,98\n", encoding="utf-8")
    output = tmp_path / name
    command = "progress" if named == "html" else "check"
    result = runner.invoke(main, [command, str(data), "--format", chosen, "-o", str(output)])
    assert result.exit_code == 2
    said = f"is named .{named}, but --format is {chosen}: "
    if named == "html":  # progress writes no HTML: the report command does
        said += f"name the file for {chosen} (lzplan report writes the HTML and Word reports)"
    else:
        said += f"add --format {named}, or name the file for {chosen}"
    assert said in result.stderr
    assert not output.exists()
