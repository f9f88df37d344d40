"""Rosters: the bundled one, matching, years, kinds, and every located error."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from lzplan.errors import DataError, Problem
from lzplan.model import Checklist
from lzplan.planfile import load_plan
from lzplan.roster import (
    KINDS,
    MAX_PROBLEMS,
    Entity,
    Roster,
    bundled_roster_path,
    load_roster,
)

ROOT = Path(__file__).resolve().parents[1]
PLAN_TEXT = ROOT / "data" / "source" / "linzi-education-14th-five-year-plan.txt"
HEADER = "name,aliases,code,kind,town,ownership,from,to"
SUBDISTRICTS = ("稷下街道", "闻韶街道", "雪宫街道", "辛店街道", "齐陵街道")
TOWNS = ("齐都镇", "皇城镇", "敬仲镇", "朱台镇", "凤凰镇", "金岭回族镇", "金山镇")


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(DataError) as caught:
        load_roster(path)
    return caught.value.problems


def small(tmp_path: Path) -> Roster:
    return load_roster(
        write(
            tmp_path,
            "# complete: yes\n"
            f"{HEADER}\n"
            "齐都镇,,,镇,,,,\n"
            "金岭回族镇,金岭镇,,镇,,,,\n"
            "桓公小学,齐都镇桓公小学；桓公小,3703050001,小学,齐都镇,公办,,2021\n"
            "城西中学,,,初中,,,2024,\n"
            "金岭镇中心小学,,3703050002,小学,金岭镇,,2019,2021\n"
            "临淄第一幼儿园,一幼、区一幼,,幼儿园,,普惠性民办,,\n",
        )
    )


# --- the bundled roster ------------------------------------------------------------------


def test_bundled_roster_lists_the_twelve_towns_and_subdistricts_and_is_incomplete() -> None:
    roster = load_roster(bundled_roster_path())
    # installed, it is a copy under lzplan/_bundled; in a checkout, the file itself
    assert bundled_roster_path().read_bytes() == (ROOT / "data" / "roster.csv").read_bytes()
    assert not roster.complete
    assert [e.name for e in roster.entities if e.kind == "街道"] == list(SUBDISTRICTS)
    assert [e.name for e in roster.entities if e.kind == "镇"] == list(TOWNS)
    assert roster.match("金岭镇") is roster.match("金岭回族镇") is not None


def test_bundled_school_rows_are_named_by_the_plan() -> None:
    text = PLAN_TEXT.read_text(encoding="utf-8")
    schools = [
        e for e in load_roster(bundled_roster_path()).entities if e.kind not in ("镇", "街道")
    ]
    assert schools
    for entity in schools:
        assert entity.name in text, entity.name
        assert entity.kind in KINDS


def test_bundled_merged_schools_end_the_year_before_the_plan_merges_them() -> None:
    roster = load_roster(bundled_roster_path())
    mergers = next(t.rule for t in load_plan().targets if t.id == "facilities.school_mergers")
    assert isinstance(mergers, Checklist)
    checked = 0
    for item in mergers.items:
        entity = roster.match(item.name)
        if entity is not None:
            assert entity.end == item.due - 1, item.name
            assert entity.exists(item.due - 1) and not entity.exists(item.due)
            checked += 1
    assert checked >= 7


# --- matching, years and kinds ------------------------------------------------------------


def test_match_by_name_alias_and_code(tmp_path: Path) -> None:
    roster = small(tmp_path)
    school = roster.match("桓公小学")
    assert school is not None and school.code == "3703050001"
    assert roster.match("齐都镇桓公小学") is school
    assert roster.match("桓公小") is school  # alias after a full-width ；
    assert roster.match("3703050001") is school
    assert roster.match("区一幼") is roster.match("一幼") is roster.match("临淄第一幼儿园")
    assert roster.match("新城小学") is None


def test_match_ignores_spaces_and_full_width_forms(tmp_path: Path) -> None:
    roster = small(tmp_path)
    assert roster.match(" 桓公 小学 ") is roster.match("桓公小学")
    assert roster.match("３７０３０５０００１") is roster.match("桓公小学")  # full-width digits


def test_town_is_resolved_to_the_rosters_own_name(tmp_path: Path) -> None:
    school = small(tmp_path).match("金岭镇中心小学")
    assert school is not None and school.town == "金岭回族镇"


def test_exists_by_from_and_to(tmp_path: Path) -> None:
    roster = small(tmp_path)
    merged, new = roster.match("金岭镇中心小学"), roster.match("城西中学")
    assert merged is not None and new is not None
    assert [merged.exists(y) for y in (2018, 2019, 2021, 2022)] == [False, True, True, False]
    assert [new.exists(y) for y in (2023, 2024, 2030)] == [False, True, True]
    open_ended = roster.match("齐都镇")
    assert open_ended is not None and open_ended.exists(1900) and open_ended.exists(2200)


def test_of_kinds_keeps_roster_order_and_the_year(tmp_path: Path) -> None:
    roster = small(tmp_path)
    assert [e.name for e in roster.of_kinds(["小学", "初中"], 2021)] == [
        "桓公小学",
        "金岭镇中心小学",
    ]
    assert [e.name for e in roster.of_kinds(("初中", "小学"), 2024)] == ["城西中学"]
    assert [e.name for e in roster.of_kinds({"镇"}, 2024)] == ["齐都镇", "金岭回族镇"]
    assert roster.of_kinds(["高中"], 2024) == []


def test_complete_line_variants(tmp_path: Path) -> None:
    body = f"{HEADER}\n齐都镇,,,镇,,,,\n"
    assert load_roster(write(tmp_path, "#完整：是\n" + body)).complete
    assert not load_roster(write(tmp_path, "# 完整: 否,,,,,,,\n" + body)).complete
    assert load_roster(write(tmp_path, "# Complete: YES,,\n" + body)).complete
    assert not load_roster(write(tmp_path, body)).complete  # absent: incomplete


def test_chinese_headers_and_gbk(tmp_path: Path) -> None:
    text = (
        "学校名称,别名,学校标识码,类型,乡镇,办学性质,起始年份,终止年份\n"
        "桓公小学,桓公,,小学,,公办,2001年,2021\n"
    )
    roster = load_roster(write(tmp_path, text, encoding="gbk"))
    entity = roster.match("桓公")
    assert entity is not None
    assert (entity.name, entity.kind, entity.ownership, entity.start, entity.end, entity.row) == (
        "桓公小学",
        "小学",
        "公办",
        2001,
        2021,
        2,
    )


def test_utf8_bom_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n齐都镇,,,镇,,,,\n", encoding="utf-8-sig")
    assert load_roster(path).match("齐都镇") is not None


def test_suggest_the_closest_name(tmp_path: Path) -> None:
    roster = small(tmp_path)
    assert roster.suggest("桓公小校") == "桓公小学"
    assert roster.suggest("金岭真") == "金岭回族镇"  # close to the alias 金岭镇: its name
    assert roster.suggest("完全不同的名字") is None


def test_a_constructed_roster_matches_without_loading() -> None:
    entity = Entity("甲小学", ("甲",), "", "小学", "", "", None, None, 2)
    roster = Roster("x.csv", (entity,), True)
    assert roster.match("甲") is entity and roster.of_kinds(["小学"], 2024) == [entity]


# --- errors: every one located, all reported together -------------------------------------


def test_unknown_kind_is_located_with_a_did_you_mean(tmp_path: Path) -> None:
    found = problems(write(tmp_path, f"{HEADER}\n甲学校,,,九年一贯制学校,,,,\n"))
    assert len(found) == 1
    assert (found[0].line, found[0].column) == (2, "kind")
    assert (
        "'九年一贯制学校'" in found[0].message and "did you mean '九年一贯制'?" in found[0].message
    )


def test_errors_name_the_column_as_the_file_writes_it(tmp_path: Path) -> None:
    found = problems(write(tmp_path, "# complete: no\n名称,类型\n甲,中学\n"))
    assert (found[0].line, found[0].column) == (3, "类型")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        "# complete: yes\n"
        f"{HEADER},remarks\n"  # row 2
        "甲小学,,1,小学,,,,,\n"  # row 3
        "乙小学,甲小学,2,小学,,,,,\n"  # row 4: alias names row 3's entity
        "甲小学,,3,小学,,,,,\n"  # row 5: duplicate name
        "丙小学,,1,小学,,,,,\n"  # row 6: duplicate code
        "丁小学,,,小学,,私立,2025,2020,\n"  # row 7: ownership, from > to
        "戊小学,,,小学,,,二〇二〇,20x1,\n"  # row 8: bad years
        ",,,小学,,,,,\n"  # row 9: no name
        "己小学,,,,,,,,\n"  # row 10: no kind
        "庚小学,,3.70305E+09,小学,,,,,\n"  # row 11: code Excel shortened
        "=HYPERLINK(1),,,小学,,,,,\n"  # row 12: a formula as a name
    )
    found = {(p.line, p.column): p.message for p in problems(write(tmp_path, text))}
    assert found[(2, "remarks")].startswith("unknown column 'remarks'; expected one of name,")
    assert "already identifies '甲小学' (row 3)" in found[(4, "aliases")]
    assert "already identifies '甲小学' (row 3)" in found[(5, "name")]
    assert "'1' already identifies '甲小学'" in found[(6, "code")]
    assert "unknown ownership '私立'" in found[(7, "ownership")]
    assert "before the first (2025)" in found[(7, "to")]
    assert "expected a year" in found[(8, "from")] and "expected a year" in found[(8, "to")]
    assert "every row needs the entity's name" in found[(9, "name")]
    assert "expected one of 小学" in found[(10, "kind")]
    assert "Excel shortened" in found[(11, "code")]
    assert "formula" in found[(12, "name")]
    assert len(found) == 12


def test_unknown_town_once_the_roster_lists_towns(tmp_path: Path) -> None:
    text = f"{HEADER}\n齐都镇,,,镇,,,,\n甲小学,,,小学,齐都真,,,\n"
    (problem,) = problems(write(tmp_path, text))
    assert (problem.line, problem.column) == (3, "town")
    assert "did you mean '齐都镇'?" in problem.message
    # without any 镇 or 街道 in the roster, a town is kept as written
    alone = load_roster(write(tmp_path, f"{HEADER}\n甲小学,,,小学,齐都真,,,\n"))
    assert alone.entities[0].town == "齐都真"


def test_bad_complete_line(tmp_path: Path) -> None:
    (problem,) = problems(write(tmp_path, f"# complete: maybe\n{HEADER}\n甲,,,小学,,,,\n"))
    assert problem.line == 1 and "'# complete: yes'" in problem.message


def test_an_unknown_column_is_reported_once_not_per_row(tmp_path: Path) -> None:
    found = problems(write(tmp_path, "name,kind,备考\n甲,小学,x\n乙,小学,y\n"))
    assert [(p.line, p.column) for p in found] == [(1, "备考")]


def test_misspelt_chinese_header(tmp_path: Path) -> None:
    found = problems(write(tmp_path, "学校名称,类形\n甲,小学\n"))
    assert (found[0].line, found[0].column) == (1, "类形")
    assert "missing required column(s): kind" in found[1].message
    assert "did you mean '类型'?" in found[0].message


def test_missing_required_column(tmp_path: Path) -> None:
    (problem,) = problems(write(tmp_path, "name,town\n甲,齐都镇\n"))
    assert problem.line == 1 and "missing required column(s): kind" in problem.message


def test_values_outside_the_header(tmp_path: Path) -> None:
    found = problems(write(tmp_path, "name,,kind\n甲,x,小学\n乙,,小学,y\n"))
    assert [(p.line, p.message.split(",")[0]) for p in found] == [
        (2, "has a value in column 2"),
        (3, "has a value in column 4"),
    ]


def test_empty_and_header_only_rosters(tmp_path: Path) -> None:
    assert "is empty" in problems(write(tmp_path, ""))[0].message
    (problem,) = problems(write(tmp_path, f"# complete: no\n{HEADER}\n,,,,,,,\n"))
    assert problem.line == 2 and "no rows" in problem.message


def test_unreadable_files(tmp_path: Path) -> None:
    assert "cannot read" in problems(tmp_path / "absent.csv")[0].message
    assert "open" in problems(write(tmp_path, f'{HEADER}\n"甲,,,小学\n'))[0].message


def test_listed_problems_are_capped(tmp_path: Path) -> None:
    rows = "".join(f"学校{i},,,大学,,,,\n" for i in range(MAX_PROBLEMS + 7))
    found = problems(write(tmp_path, HEADER + "\n" + rows))
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].message == "… and 7 more problem(s) not listed"


# --- formats: the roster is read as data files are -----------------------------------------


def test_excel_unicode_text_is_read(tmp_path: Path) -> None:
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated, CRLF, padded with tabs."""
    text = (
        "# complete: yes\t\t\t\t\t\t\t\r\n"
        + HEADER.replace(",", "\t")
        + "\r\n金岭回族镇\t金岭镇\t\t镇\t\t\t\t\r\n"
        + "桓公小学\t\t3703050001\t小学\t金岭镇\t公办\t\t2021\r\n"
    )
    roster = load_roster(write(tmp_path, text, encoding="utf-16", name="roster.txt"))
    assert roster.complete
    school = roster.match("3703050001")
    assert school is not None and (school.name, school.town, school.end) == (
        "桓公小学",
        "金岭回族镇",
        2021,
    )


def test_semicolon_separated_is_read_and_errors_keep_their_place(tmp_path: Path) -> None:
    body = "名称;类型;别名\n齐都镇;镇;\n桓公小学;小学;桓公、桓公小\n"
    roster = load_roster(write(tmp_path, body))
    assert roster.match("桓公小") is roster.match("桓公小学") is not None
    (problem,) = problems(write(tmp_path, body + "甲学校;九年一贯制学校;\n"))
    assert (problem.line, problem.column) == (4, "类型")


def test_an_unreadable_tail_comes_after_the_problems_found_before_it(tmp_path: Path) -> None:
    found = problems(write(tmp_path, f'{HEADER}\n甲,,,大学,,,,\n"乙,,,小学\n'))
    assert [(p.line, p.column) for p in found] == [(2, "kind"), (3, None)]
    assert "is not readable CSV" in found[1].message


def test_the_roster_keeps_the_path_it_was_read_from(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n齐都镇,,,镇,,,,\n")
    roster = load_roster(path)
    assert (roster.file, roster.path) == (str(path), path)
    assert load_roster(bundled_roster_path()).path == bundled_roster_path()
    assert Roster("x.csv", (), False).path is None


def test_a_workbook_of_one_sheet_is_read_and_of_several_refused(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    for cells in (["# complete: no"], HEADER.split(","), ["齐都镇", None, None, "镇"]):
        sheet.append(cells)
    sheet.append(["桓公小学", None, 3703050001, "小学", "齐都镇", None, None, 2021])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    school = load_roster(path).match("3703050001")
    assert school is not None and (school.town, school.end, school.row) == ("齐都镇", 2021, 4)
    book.create_sheet("说明").append(["x"])
    book.save(path)
    (problem,) = problems(path)
    assert problem.file == str(path) and "has 2 sheets" in problem.message


def test_an_entity_survives_the_cache_as_it_was() -> None:
    entity = Entity("西校", ("西区小学",), "3703050001", "小学", "稷下街道", "公办", 2021, None, 4)
    assert pickle.loads(pickle.dumps(entity)) == entity


@pytest.mark.parametrize("count", [3, 2500])
def test_strangers_come_sorted_whatever_order_they_are_asked_in(count: int) -> None:
    roster = load_roster(bundled_roster_path())
    own = sorted(roster.names())[:2]
    unknown = [f"学校{i}" for i in range(count)]
    first = roster.sorted_strangers([*own, *unknown])
    assert first == tuple(sorted(unknown))
    again = roster.sorted_strangers(dict.fromkeys([*reversed(unknown), *own]))  # a dict's keys
    assert again == first
    assert roster.sorted_strangers(unknown[1:]) == tuple(sorted(unknown[1:]))  # not the kept one
