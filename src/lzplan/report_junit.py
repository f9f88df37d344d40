"""Results as JUnit XML, which every CI system shows: a test suite per dataset and year (per
dataset for progress), a test case per target; a failed target is a failure carrying the
numbers behind it, a target without data (or not yet due) is skipped."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .progress import ProgressReport
    from .results import Report, Result


def _suites() -> ElementTree.Element:
    return ElementTree.Element("testsuites", name="lzplan")


def _clean(root: ElementTree.Element) -> None:
    """Every name and text XML can hold (a school's name may carry a control character)."""
    from .display import xml_safe

    for element in root.iter():
        element.attrib.update({key: xml_safe(value) for key, value in element.attrib.items()})
        if element.text:
            element.text = xml_safe(element.text)


def _finish(root: ElementTree.Element) -> bytes:
    for suite in root:
        cases = list(suite)
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
        suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
        suite.set("errors", "0")
    _clean(root)
    ElementTree.indent(root)
    text: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def _numbers(result: Result) -> str:
    parts = [
        f"expected: {result.op or ''} {result.expected}".replace("  ", " "),
        f"actual: {result.actual}",
        *([f"gap: {result.gap}"] if result.gap is not None else []),
        f"detail: {result.detail}",
        *(f"- {miss}" for miss in result.misses),
        *(f"source: {place}" for place in result.sources),
    ]
    return "\n".join(parts)


def render_check(reports: list[Report]) -> bytes:
    """One ``testsuite`` per dataset and year, one ``testcase`` per target."""
    root = _suites()
    for report in reports:
        suite = ElementTree.SubElement(root, "testsuite", name=f"{report.dataset} {report.year}")
        for result in report.results:
            case = ElementTree.SubElement(
                suite, "testcase", classname=result.section, name=result.target
            )
            if result.status == "fail":
                failure = ElementTree.SubElement(case, "failure", message=result.detail)
                failure.text = _numbers(result)
            elif result.status in ("missing", "pending"):
                ElementTree.SubElement(case, "skipped", message=result.detail)
            elif result.status == "warn":
                output = ElementTree.SubElement(case, "system-out")
                output.text = f"warning: {result.detail}"
    return _finish(root)


def render_progress(reports: list[ProgressReport]) -> bytes:
    """One ``testsuite`` per dataset, one ``testcase`` per target: a failure when the
    target was not met by a deadline that has passed or broke a yearly rule."""
    root = _suites()
    for report in reports:
        suite = ElementTree.SubElement(
            root, "testsuite", name=f"{report.dataset} progress {report.now}"
        )
        for progress in report.results:
            target = progress.target
            case = ElementTree.SubElement(
                suite, "testcase", classname=target.section, name=target.id
            )
            if progress.final == "not met" or progress.broken:
                why = f"{progress.final or 'broke a yearly rule'}: {progress.status}"
                failure = ElementTree.SubElement(case, "failure", message=why)
                failure.text = "\n".join(
                    [f"method: {progress.method}", f"gap: {progress.gap}",
                     *(f"broken: {year}" for year in progress.broken)]
                )  # fmt: skip
            elif progress.final in ("", "no data"):
                reason = "not yet due" if not progress.final else "no data"
                ElementTree.SubElement(case, "skipped", message=reason)
    return _finish(root)
