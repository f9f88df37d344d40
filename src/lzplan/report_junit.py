"""Results as JUnit XML, which every CI system shows: a test suite per dataset and year (per
dataset for progress), a test case per target; a failed target is a failure carrying the
numbers behind it, a target without data (or not yet due) is skipped."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
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


def _numbers(result: Result, lang: str) -> str:
    said = _said(lang)
    expected = said(result.expected) if isinstance(result.expected, str) else result.expected
    actual = said(result.actual) if isinstance(result.actual, str) else result.actual
    parts = [
        _word("expected", lang)
        + " ".join(str(part) for part in (result.op, expected) if part not in (None, "")),
        f"{_word('actual', lang)}{actual}",
        *([f"{_word('gap', lang)}{result.gap}"] if result.gap is not None else []),
        f"{_word('detail', lang)}{said(result.detail)}",
        *(f"- {said(miss)}" for miss in result.misses),
        *(f"{_word('source', lang)}{place}" for place in result.sources),
    ]
    return "\n".join(parts)


def _word(key: str, lang: str) -> str:
    """``expected: `` or ``要求：`` (the catalogue's ``junit.*``)."""
    from .i18n import say

    return say(f"junit.{key}", lang)


def _said(lang: str) -> Callable[[str], str]:
    """A verdict's words as ``lang`` says them."""
    if lang != "zh":
        return str
    from .i18n import zh_detail

    return zh_detail


def render_check(reports: list[Report], lang: str = "en") -> bytes:
    """One ``testsuite`` per dataset and year, one ``testcase`` per target; the messages in
    ``lang`` (the ids, classes and suite names stay as they are, for the CI's history)."""
    said = _said(lang)
    root = _suites()
    for report in reports:
        suite = ElementTree.SubElement(root, "testsuite", name=f"{report.dataset} {report.year}")
        for result in report.results:
            case = ElementTree.SubElement(
                suite, "testcase", classname=result.section, name=result.target
            )
            if result.status == "fail":
                failure = ElementTree.SubElement(case, "failure", message=said(result.detail))
                failure.text = _numbers(result, lang)
            elif result.status in ("missing", "pending"):
                ElementTree.SubElement(case, "skipped", message=said(result.detail))
            elif result.status == "warn":
                output = ElementTree.SubElement(case, "system-out")
                output.text = f"{_word('warning', lang)}{said(result.detail)}"
    return _finish(root)


def render_progress(reports: list[ProgressReport], lang: str = "en") -> bytes:
    """One ``testsuite`` per dataset, one ``testcase`` per target: a failure when the
    target was not met by a deadline that has passed or broke a yearly rule."""
    from .i18n import say
    from .progress_measure import LABELS_ZH

    said = _said(lang)
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
                final = say("final.not_met" if progress.final else "junit.broke", lang)
                status = LABELS_ZH[progress.status] if lang == "zh" else progress.status
                sep = "：" if lang == "zh" else ": "
                failure = ElementTree.SubElement(case, "failure", message=f"{final}{sep}{status}")
                failure.text = "\n".join(
                    [f"{_word('method', lang)}{said(progress.method)}",
                     f"{_word('gap', lang)}{progress.gap}",
                     *(f"{_word('broken', lang)}{said(year)}" for year in progress.broken)]
                )  # fmt: skip
            elif progress.final in ("", "no data"):
                reason = "final.no_data" if progress.final else "final.pending"
                ElementTree.SubElement(case, "skipped", message=say(reason, lang))
    return _finish(root)
