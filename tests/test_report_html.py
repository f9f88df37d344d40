"""``lzplan report``: the final evaluation as one self-contained HTML page, checked as text
and then opened in a real headless Chromium (skipped where none is installed, never in CI:
``.ci/run`` installs it), which keeps a screenshot and an A4 PDF as test artefacts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main

from .conftest import ROOT

ARTEFACTS = ROOT / "test-artifacts"


def _page(runner: CliRunner, tmp_path: Path, *extra: str) -> str:
    out = tmp_path / "总结评估.html"
    result = runner.invoke(main, ["report", "data/illustrative", "-o", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


def test_the_page_has_a_section_per_plan_section_and_an_article_per_target(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    page = _page(runner, tmp_path)
    assert page.count("<article ") == 49  # the plan's 49 targets
    assert page.count("<h2>") == 13 + 2  # 13 sections, 总体情况, 国家认定准备情况
    assert "<script" not in page.lower()
    assert not re.search(r"(?:src|href)=\"?https?:", page)  # nothing fetched: offline
    assert '<html lang="zh-CN">' in page and "@page { size: A4" in page
    # the summary's total row: 49 targets, as many outcomes as the progress finals
    assert "<tr><td>合计</td><td>49</td>" in page


def test_the_explanations_file_is_shown_under_its_target(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "情况说明.csv"
    notes.write_text(
        "目标代码,情况说明\nhealth_pe.fitness_good_rate,受疫情影响，测试推迟。\n", "utf-8"
    )
    page = _page(runner, tmp_path, "--notes", str(notes))
    article = page.split('<article id="health_pe.fitness_good_rate">')[1].split("</article>")[0]
    assert "情况说明：受疫情影响，测试推迟。" in article
    notes.write_text("health_pe.no_such_target,说明\n", "utf-8")
    result = runner.invoke(main, ["report", "data/illustrative", "--notes", str(notes)])
    assert result.exit_code == 2
    assert "no such target in the plan: health_pe.no_such_target" in result.stderr


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_the_page_in_a_real_browser(runner: CliRunner, in_root: Path, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail(".ci/run installs Chromium: the report must be opened in CI")
        pytest.skip("no Chromium on this machine (CI installs it: see .ci/run)")
    page = tmp_path / "report.html"
    page.write_text(_page(runner, tmp_path), "utf-8")
    ARTEFACTS.mkdir(exist_ok=True)
    flags = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
        "--v=0",
    ]  # fmt: skip
    url = page.as_uri()
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") == page.read_text("utf-8").count("<svg") > 20
    assert "总结评估" in dom.stdout
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console  # no console errors (the page has no script to make any)
    screenshot = ARTEFACTS / "report.png"
    pdf = ARTEFACTS / "report.pdf"
    for flag in (f"--screenshot={screenshot}", f"--print-to-pdf={pdf}"):
        done = subprocess.run([*flags, "--window-size=1100,2200", flag, url],
                              capture_output=True, text=True, timeout=120)  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
    assert screenshot.stat().st_size > 50_000  # a page drawn, not a blank one
    printed = pdf.read_bytes()
    assert printed.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", printed)) > 5  # many A4 pages, not one
    # Chinese rendered: a CJK font is embedded in the print
    assert re.search(rb"/FontName\s*/[A-Z]{6}\+Noto\w*CJK", printed), "no CJK font in the PDF"


def test_a_chart_draws_each_figure_and_the_required_path() -> None:
    from lzplan.svgchart import HEIGHT, chart

    svg = chart([2020, 2021, 2022], [90.0, None, 98.0], [90.0, 95.0, 100.0],
                ["pass", "missing", "fail"], "毛入园率")  # fmt: skip
    assert svg.count("<circle") == 2  # no point for the year without a figure
    assert 'fill="#c62828"' in svg and 'fill="#2e7d32"' in svg  # fail red, pass green
    assert svg.count("<polyline") == 2  # the figures, and the dashed requirement
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
    assert all(0 <= y <= HEIGHT for y in ys) and ys[0] > ys[1]  # 98 drawn above 90
    assert 'aria-label="毛入园率"' in svg


def test_a_target_over_schools_names_who_held_it_back_and_draws_no_empty_chart(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    page = _page(runner, tmp_path)
    article = page.split('<article id="health_pe.mental_health_teachers">')[1].split("</article>")[
        0
    ]
    assert "<svg" not in article  # "6/7 达标" is no figure to draw a line through
    assert "未达标或缺数据：示例镇中心小学 (0)" in article
    readiness = page.split("<h2>国家认定准备情况</h2>")[1].split("</ul>")[0]
    assert "由国家认定标准（义务教育优质均衡发展督导评估标准）决定，需按各校数据评估" in readiness
    assert "`" not in readiness and "decided by" not in readiness and "lzplan" not in readiness


def test_the_word_report_holds_every_section_and_a_chart_per_figured_target(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    docx = pytest.importorskip("docx")
    pytest.importorskip("matplotlib")
    out = tmp_path / "总结评估.docx"
    args = ["report", "data/illustrative", "--format", "docx", "-o", str(out)]
    assert runner.invoke(main, args).exit_code == 0
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    html = _page(runner, tmp_path)
    sections = re.findall(r"<h2>([^<]+)</h2>", html)
    assert [h for h in headings if h in sections] == sections  # every section, in order
    assert sum(1 for h in headings if "（" in h and "）" in h) == 49  # a heading per target
    assert len(document.inline_shapes) == html.count("<svg")  # the same charts, as pictures
    (summary, *_) = document.tables
    assert summary.cell(len(summary.rows) - 1, 0).text == "合计"
    assert summary.cell(len(summary.rows) - 1, 1).text == "49"
    # printed on A4 as the bureau prints, each target's heading kept with its chart
    page = document.sections[0]
    assert (round(page.page_width.cm, 1), round(page.page_height.cm, 1)) == (21.0, 29.7)
    kept = [p for p in document.paragraphs if p.paragraph_format.keep_with_next]
    assert len(kept) == 2 * 49
    no_file = runner.invoke(main, ["report", "data/illustrative", "--format", "docx"])
    assert no_file.exit_code == 2 and "a Word document needs --output" in no_file.stderr


def test_the_explanations_file_may_be_gbk_and_its_mistakes_are_located(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "情况说明.csv"
    notes.write_bytes("目标代码,情况说明\nhealth_pe.fitness_good_rate,测试推迟。\n".encode("gbk"))
    page = _page(runner, tmp_path, "--notes", str(notes))
    assert "情况说明：测试推迟。" in page
    notes.write_text(
        "health_pe.fitness_good_rate,一\nhealth_pe.fitness_good_rate,二\nhealth_pe.daily_exercise\n",
        "utf-8",
    )
    result = runner.invoke(main, ["report", "data/illustrative", "--notes", str(notes)])
    assert result.exit_code == 2
    assert (
        f"{notes}:2: health_pe.fitness_good_rate is explained twice (line 1 too)" in result.stderr
    )
    assert f"{notes}:3: health_pe.daily_exercise: no explanation in the second column" in (
        result.stderr
    )


def test_a_control_character_in_a_name_is_no_crash_in_word_or_junit(
    runner: CliRunner, in_root: Path, tmp_path: Path
) -> None:
    pytest.importorskip("docx")
    notes = tmp_path / "notes.csv"
    notes.write_text("health_pe.fitness_good_rate,说明\x01\x0b结束\n", "utf-8")
    out = tmp_path / "r.docx"
    args = [
        "report",
        "data/illustrative",
        "--notes",
        str(notes),
        "--format",
        "docx",
        "-o",
        str(out),
    ]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "说明\\x01\\x0b结束" in text
