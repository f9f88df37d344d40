"""Which year a file describes, from the places a year can be written.

In order: a year column, a year over the value column (``2024年``), a single
four-digit year in the file or sheet name (``2024年统计.xlsx``) or in a title row,
else ``--year``. Two of these that disagree refuse the file, naming both.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: The years lzplan accepts anywhere.
FIRST_YEAR, LAST_YEAR = 1900, 2200
# a four-digit year not inside a longer number (学校标识码, dates written as 20240101)
_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")
# a date, or a year and month: when a file was filled in or sent, not the year it describes
_DATE = re.compile(r"(?:19|20|21)\d\d\s*[-/.年]\s*\d{1,2}\s*(?:[-/.月]\s*\d{1,2}\s*日?|月)")
# a year cell: 2023, 2023年, 2023年度, and 2023.0 as a spreadsheet's number cell gives it
_YEAR_CELL = re.compile(r"^(\d{4})(?:\.0+|年(?:度)?)?$")
# a file called 2023.csv: the only name a sibling file for an earlier year may have
_YEAR_NAME = re.compile(r"^(\d{4})$")


@functools.lru_cache(maxsize=256)  # a file has a handful of years, in every row
def year_of_cell(text: str) -> int | None:
    """The year a year cell gives (``2023``, ``2023年``, ``2023.0``), if it is one."""
    match = _YEAR_CELL.match(unicodedata.normalize("NFKC", text).strip())
    year = int(match.group(1)) if match else 0
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def year_from_name(path: Path) -> int | None:
    """The year a sibling file's name gives (``2023.csv`` → 2023)."""
    match = _YEAR_NAME.match(path.stem)
    year = int(match.group(1)) if match else 0
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


# 2023-2024学年, 2023—2024, 2023/2024 学年度
_SCHOOL_YEAR = re.compile(r"((?:19|20|21)\d\d)\s*[-–—~/至]\s*((?:19|20|21)\d\d)\s*学年")


@dataclass(frozen=True)
class YearHint:
    """A year a place states (``where`` names the place), or a school year it states."""

    where: str
    year: int | None = None
    school_year: str = ""


def hint_from(where: str, text: str) -> YearHint | None:
    """The year ``text`` states: one four-digit year, or a school year (2023-2024学年)."""
    text = unicodedata.normalize("NFKC", text)  # ２０２４年 as 2024年
    school = _SCHOOL_YEAR.search(text)
    text = _DATE.sub(" ", text)  # （2025年1月10日报送）: when it was sent, not its year
    if school:
        return YearHint(where, school_year=f"{school.group(1)}-{school.group(2)}")
    found = {int(year) for year in _YEAR.findall(text)}
    if len(found) == 1:
        return YearHint(where, year=found.pop())
    return None


def hint_from_lines(where: str, lines: Iterable[str]) -> YearHint | None:
    """The first line (of a title block) that states a year or a school year."""
    for line in lines:
        hint = hint_from(where, line)
        if hint is not None:
            return hint
    return None


@dataclass(frozen=True)
class FileYear:
    """The year a file's rows describe where they do not say it themselves."""

    year: int | None
    where: str
    problem: str = ""

    @property
    def stated(self) -> bool:
        """Whether the file itself states the year (not only ``--year``, not nothing)."""
        return self.year is not None and self.where != "--year"


def settle(hints: list[YearHint], option: int | None, column: bool = False) -> FileYear:
    """One year from the hints (most specific first), or a problem naming the clash.

    ``column``: the file has a year column, so a school year in its name needs no year.
    """
    years = [hint for hint in hints if hint.year is not None]
    for other in years[1:]:
        if other.year != years[0].year:
            return FileYear(
                None,
                "",
                f"the {years[0].where} says {years[0].year} but the {other.where} says "
                f"{other.year}: make them agree",
            )
    if years:
        return FileYear(years[0].year, years[0].where)
    if option is not None:
        return FileYear(option, "--year")
    school = next((hint for hint in hints if hint.school_year), None)
    if school is not None and not column:
        return FileYear(
            None,
            "",
            f"the {school.where} names the school year {school.school_year}, not a year: "
            "add a year column (年份) or pass --year",
        )
    return FileYear(None, "")


NO_YEAR = (
    "no year: add a year column (年份), write the year over the values (2024年), "
    "put it in the file name (2024年统计.xlsx) or pass --year"
)


class SheetYear:
    """The year of each row of a sheet: its year cell, else the year the file states."""

    def __init__(self, fixed: FileYear, column: bool) -> None:
        self.fixed = fixed
        self.column = column  # the table has a year column
        self.said = bool(fixed.problem)  # a file's missing year is said once, not per row

    def of_row(self, text: str) -> tuple[int | None, str, bool]:
        """The year of a row whose year cell says ``text``; a problem, if any, and whether
        it belongs to the year cell (else to the row)."""
        fixed = self.fixed
        if not text:
            if self.column and not fixed.stated:
                return None, "empty: every row of a file with a year column needs one", True
            if fixed.year is None and not self.said:
                self.said = True
                return None, NO_YEAR, False
            return fixed.year, "", False
        year = year_of_cell(text)
        if year is None:
            return None, f"expected a year such as 2023, found {text!r}", True
        if fixed.stated and year != fixed.year:
            return None, f"year {year} contradicts the {fixed.where}, which says {fixed.year}", True
        return year, "", False


def sheet_year(
    header: tuple[str, int] | None,
    file: str,
    sheet: str,
    title: Iterable[str],
    option: int | None,
    column: bool,
) -> SheetYear:
    """The year a sheet states: over its value column (``header``: its text and year), in
    the file or sheet name, in its title lines, else ``option`` (``--year``)."""
    hints: list[YearHint] = [YearHint(f"header {header[0]!r}", header[1])] if header else []
    for hint in (
        hint_from("file name", Path(Path(file).name).stem),
        hint_from("sheet name", sheet) if sheet else None,
        hint_from_lines("title", title),
    ):
        if hint is not None:
            hints.append(hint)
    return SheetYear(settle(hints, option, column), column)
