"""Where a verdict's figures were read: runs of rows as one place, and a province's
figures one place a file and column."""

from __future__ import annotations

from lzplan.observations import Observation
from lzplan.report_github import _PLACE
from lzplan.rules.base import MAX_PLACES, Recorder


class _Data:
    """A dataset of the given observations, all of one indicator and year."""

    def __init__(self, found: list[Observation]) -> None:
        self.found = found

    def entities(self, indicator: str, year: int) -> dict[str, Observation]:
        return {o.entity: o for o in self.found}


def seen(row: int, file: str = "a.csv", column: str = "", value: float | None = 1.0) -> Observation:
    return Observation("x", 2024, value, file, row, f"{file}{row}", None, "", "", column)


def places(found: list[Observation]) -> tuple[str, ...]:
    recorder = Recorder(_Data(found))  # type: ignore[arg-type]
    recorder.entities("x", 2024)
    return recorder.places()


def test_consecutive_rows_of_one_file_and_column_are_one_place() -> None:
    found = [seen(2), seen(3), seen(4), seen(7), seen(8, column="人数"), seen(9, "b.csv")]
    assert places(found) == ("a.csv:2–4", "a.csv:7", "a.csv:8 (人数)", "b.csv:9")


def test_a_figure_without_a_value_is_no_source() -> None:
    assert places([seen(2), seen(3, value=None), seen(4)]) == ("a.csv:2", "a.csv:4")


def test_beyond_the_limit_each_file_and_column_is_one_place_with_its_count() -> None:
    # every third row, as a long file gives one indicator of many: no runs to join
    found = [seen(2 + 3 * i) for i in range(MAX_PLACES + 1)] + [seen(5, "b.csv", "人数")]
    assert places(found) == (
        f"a.csv:2–{2 + 3 * MAX_PLACES}, {MAX_PLACES + 1} rows",
        "b.csv:5 (人数), 1 row",
    )


def test_beyond_the_limit_one_file_and_column_is_one_place_with_its_count() -> None:
    found = [seen(2 + 3 * i) for i in range(MAX_PLACES + 1)] + [seen(2)]  # row 2 twice
    assert places(found) == (f"a.csv:2–{2 + 3 * MAX_PLACES}, {MAX_PLACES + 1} rows",)


def test_github_annotations_find_the_file_and_row_in_every_form() -> None:
    for place, file, row in [
        ("a.csv:7", "a.csv", "7"),
        ("book.xlsx[学校]:3–9 (人数)", "book.xlsx", "9"),
        ("a.csv:2–302, 101 rows", "a.csv", "302"),
        ("b.csv:5 (人数), 1 row", "b.csv", "5"),
    ]:
        found = _PLACE.match(place)
        assert found is not None and (found["file"], found["row"]) == (file, row)
