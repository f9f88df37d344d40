"""Messages about input in Chinese (``--lang zh``): every template the reading code can say
(and the plan's, and the command line's) reads as Chinese, with no English left but what the
user typed or must type: names, ids, paths, units, options and formats."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lzplan.cli import main
from lzplan.errors import Problem
from lzplan.i18n import zh_input
from lzplan.report_problems import render_text

#: One or more real messages of each template (as the test suite and the reading code make
#: them) and the Chinese chosen for it.
CASES: list[tuple[str, str]] = [
    ("is 300 MB; CSV files may be up to 256 MB", "大小为 300 MB；CSV 文件最大为 256 MB"),
    ("is 50.2 MB; workbooks may be up to 50 MB", "大小为 50.2 MB；Excel 工作簿最大为 50 MB"),
    ("is a directory, not a data file", "是文件夹，不是数据文件"),
    ("is not a regular file", "不是普通文件"),
    ("cannot read the file: No such file or directory", "无法读取文件：文件或文件夹不存在"),
    ("cannot read the file: Permission denied", "无法读取文件：没有访问权限"),
    (
        "is an old .xls workbook: save it as .xlsx or CSV",
        "是旧版 .xls 工作簿：请另存为 .xlsx 或 CSV",
    ),
    ("--sheet applies to Excel workbooks only", "--sheet 只适用于 Excel 工作簿"),
    ("is a binary file, not CSV text", "是二进制文件，不是 CSV 文本"),
    (
        "is neither UTF-8 nor GBK/GB18030 text (byte 29): pass --encoding",
        "既不是 UTF-8 也不是 GBK/GB18030 编码的文本（字节位置 29）：请用 --encoding 指定编码",
    ),
    ("unknown encoding 'klingon'", "未知的编码“klingon”"),
    ("is not utf-8 text (byte 2)", "不是 utf-8 编码的文本（字节位置 2）"),
    (
        'is not readable CSV: unexpected end of data; is a quote (") left open?',
        '不是可读取的 CSV 文件：数据意外结束；是否有引号（"）没有闭合？',
    ),
    (
        "is not readable CSV: field larger than field limit (131072)",
        "不是可读取的 CSV 文件：单元格内容超过长度上限（131072 个字符）",
    ),
    (
        'reading Excel files needs openpyxl: pip install "lzplan[xlsx]"',
        '读取 Excel 文件需要 openpyxl：pip install "lzplan[xlsx]"',
    ),
    ("is not a readable .xlsx workbook (BadZipFile)", "不是可读取的 .xlsx 工作簿（BadZipFile）"),
    (
        "has a value beyond column 200: tables may be that wide at most",
        "第 200 列之后还有数值：表格最多只能有 200 列",
    ),
    ("has more than 1,000,000 rows", "超过 1,000,000 行"),
    (
        "has no sheet 'Sheet9'; it has 说明, 2024年数据",
        "没有名为“Sheet9”的工作表；现有工作表：说明, 2024年数据",
    ),
    ("sheet 'Chart1' is a chart, not a table", "工作表“Chart1”是图表，不是数据表"),
    ("has no visible worksheet", "没有可见的工作表"),
    (
        (
            "has no sheet with a table of data (2024.xlsx[Sheet]: skipped: no header row: expected "
            "a row with 指标 and 数值 (indicator, value), or with 学校名称 (entity) and indicator "
            "names as columns, in one row, in the first 30 rows)"
        ),
        (
            "没有含数据表的工作表（2024.xlsx[Sheet]: 已跳过：没有表头行："
            "应有一行同时含“指标”和“数值”（indicator, value），"
            "或含“学校名称”（entity）并以指标名称为列名（在前 30 行中查找））"
        ),
    ),
    (
        "is a folder with no data files (.csv, .xlsx, .xlsm) inside",
        "是文件夹，但其中没有数据文件（.csv、.xlsx、.xlsm）",
    ),
    ("skipped: an lzplan result file, not data", "已跳过：这是 lzplan 的结果文件，不是数据"),
    (
        "skipped: save it as .csv or .xlsx to have it read",
        "已跳过：请另存为 .csv 或 .xlsx 才能读取",
    ),
    ("skipped: an instructions sheet", "已跳过：填表说明表"),
    (
        "skipped: a roster, not data; give it with --roster to have it used",
        "已跳过：这是名单而非数据；请用 --roster 指定",
    ),
    (
        "not used: members, indicators of the bundled plan sample-library",
        "未使用：members（属于内置规划 sample-library 的指标）",
    ),
    ("standard input can be read only once", "标准输入只能读取一次"),
    ("is empty: expected a header row", "是空的：应有表头行"),
    ("has a header but no rows of data", "有表头但没有数据行"),
    (
        (
            "no header row: expected a row with 指标 and 数值 (indicator, value), or with 学校名称 "
            "(entity) and indicator names as columns, in one row, in the first 30 rows"
        ),
        (
            "没有表头行：应有一行同时含“指标”和“数值”（indicator, value），"
            "或含“学校名称”（entity）并以指标名称为列名（在前 30 行中查找）"
        ),
    ),
    (
        (
            "no header row: expected a row with 指标 and 数值 (indicator, value), or with 学校名称 "
            "(entity) and indicator names as columns, in one row; row 3 was the likeliest, with "
            "'序号', '学校名称'; its other cells ('未知指标') name no indicator"
        ),
        (
            "没有表头行：应有一行同时含“指标”和“数值”（indicator, value），"
            "或含“学校名称”（entity）并以指标名称为列名；最接近的是第 3 行，其中有 '序号', "
            "'学校名称'；其余单元格（'未知指标'）都不是指标名称"
        ),
    ),
    (
        (
            "row 1 has indicator columns ('专兼职心理健康教育教师数') but no school or town "
            "column: head it 学校名称 (or 乡镇, 学校标识码, entity)"
        ),
        (
            "第 1 行有指标列（'专兼职心理健康教育教师数'），但没有学校或乡镇列："
            "请把学校或乡镇名称所在列的表头写为“学校名称”（或“乡镇”“学校标识码”“entity”）"
        ),
    ),
    (
        "unknown column 'remarks': rename it, or delete it (to keep what it says, head it 备注)",
        "未知的列“remarks”：请改名或删除（要保留其内容，请将列名改为“备注”）",
    ),
    (
        (
            "unknown column '年分' (row 2 was taken for the header): rename it, or delete it (to "
            "keep what it says, head it 备注)"
        ),
        "未知的列“年分”（已将第 2 行作为表头）：请改名或删除（要保留其内容，请将列名改为“备注”）",
    ),
    (
        (
            "unknown column '备注栏'; did you mean '备注'?: rename it, or delete it (to keep what "
            "it says, head it 备注)"
        ),
        "未知的列“备注栏”；是否为“备注”？：请改名或删除（要保留其内容，请将列名改为“备注”）",
    ),
    (
        (
            "accepted columns: entity/主体/学校/学校名称; code/学校标识码/标识码/学校代码; "
            "year/年份/年度/统计年度; ignored: 序号/编号/no./填写说明/用于目标; and indicator ids "
            "or Chinese names as headers"
        ),
        (
            "可用的列：entity/主体/学校/学校名称; code/学校标识码/标识码/学校代码; "
            "year/年份/年度/统计年度；不读取的列：序号/编号/no./填写说明/用于目标；"
            "以及以指标代码或中文名称为表头的列"
        ),
    ),
    (
        (
            "missing required column: value (数值), or a year such as 2024年 over the values (row "
            "5 was taken for the header)"
        ),
        "缺少必需的列：数值（value），或在数值上方写明年份（如 2024年）（已将第 5 行作为表头）",
    ),
    (
        "column '幼儿园数' names an indicator, but the table has a 指标 column",
        "列“幼儿园数”是指标名称，但本表已有“指标”列",
    ),
    (
        (
            "column '幼儿园数': kindergartens is a district total, not given per school or town: "
            "give it in a long table (指标, 数值)"
        ),
        "列“幼儿园数”：kindergartens 是全区总数，不按学校或乡镇填报：请在长表（指标, 数值）中填写",
    ),
    (
        (
            "column '在园幼儿数（元）': unit '元' does not convert to '人': write （人） or leave "
            "the unit out"
        ),
        "列“在园幼儿数（元）”：单位“元”无法换算为“人”：请写（人）或不写单位",
    ),
    (
        "column '单位' does not belong in a table with one row per entity",
        "列“单位”不应出现在每行一个学校（主体）的表中",
    ),
    (
        "columns '学校名称' and '校名' both give the entity",
        "列“学校名称”和“校名”都是学校（主体）列",
    ),
    ("columns '年份' and '统计年度' both give the year", "列“年份”和“统计年度”都是年份列"),
    ("has 3 cells but the header has 2 columns", "有 3 个单元格，但表头只有 2 列"),
    (
        "is named .xlsx, but --format is csv: add --format xlsx, or name the file for csv",
        "文件名以 .xlsx 结尾，但 --format 为 csv：请加 --format xlsx，或把文件名改为 csv 格式的",
    ),
    (
        "is named .html, but --format is table: name the file for table (lzplan report writes "
        "the HTML and Word reports)",
        "文件名以 .html 结尾，但 --format 为 table：请把文件名改为 table 格式的（HTML 和 Word "
        "报告请用 lzplan report）",
    ),
    (
        "has 24 cells but the header has 23 columns: column 24 holds '备用' under no header; "
        "delete it or give its column a header (in a CSV, a name with a comma must be in quotes)",
        "有 24 个单元格，但表头只有 23 列：第 24 列的 '备用' 没有表头；请删除它，或为该列加上表头"
        "（CSV 文件中含逗号的名称须加英文引号）",
    ),
    ("has a value in column 3, which has no header", "第 3 列有数值，但该列没有表头"),
    (
        "unknown indicator '幼儿园数x'; did you mean '幼儿园数'?",
        "未知的指标“幼儿园数x”；是否为“幼儿园数”？",
    ),
    ("unknown indicator '注 本表由各学校填报'", "未知的指标“注 本表由各学校填报”"),
    ("empty indicator", "指标为空"),
    (
        "kindergartens (幼儿园数) does not match the name '毛入园率': correct the code or the name",
        "kindergartens（幼儿园数）与名称“毛入园率”不符：请更正指标代码或名称",
    ),
    (
        "kindergartens is given per school (学校): name the school (学校) in this row",
        "kindergartens 按学校分别填报：请在本行填写学校名称",
    ),
    (
        "town_central_kindergartens is given per town (乡镇): name the town (乡镇) in this row",
        "town_central_kindergartens 按乡镇分别填报：请在本行填写乡镇名称",
    ),
    (
        (
            "mental_health_teachers is given per entity: name the entity in this row; add a "
            "学校名称 (entity) column"
        ),
        (
            "mental_health_teachers 按学校、乡镇或项目分别填报：请在本行填写其名称；"
            "并添加“学校名称”（entity）列"
        ),
    ),
    ("budget is a district total: leave 学校名称 empty", "budget 是全区总数：“学校名称”列请留空"),
    (
        "no entity: name the school, town or item",
        "缺少单位名称：请填写学校（幼儿园）、乡镇或项目的名称",
    ),
    (
        "done on 2024-11-30, after 2022, the year this row describes",
        "完成日期 2024-11-30 晚于本行所属的 2022 年",
    ),
    (
        (
            "'1.2万人' is written in 万人 but the unit column says '人': make them agree (or clear "
            "the unit cell to use the one in the figure)"
        ),
        (
            "“1.2万人”写的单位是 万人，但单位列为“人”：请使两者一致（或清空单位列，"
            "以数值中写的单位为准）"
        ),
    ),
    (
        "'98.5%' is a percentage but kindergartens is in 所",
        "“98.5%”是百分比，但 kindergartens 的单位是 所",
    ),
    (
        "unit '%' does not convert to '万人': write the figure in 万人",
        "单位“%”无法换算为“万人”：请以 万人 为单位填写",
    ),
    (
        "unit '比例' does not convert to '%': write % or fraction",
        "单位“比例”无法换算为“%”：请写 % 或 fraction",
    ),
    (
        "90.5 is not a fraction (0 to 1): write its unit as %",
        "90.5 不是 0 到 1 之间的小数：请把单位写成 %",
    ),
    ("expected a number, found 'abc'", "应为数字，实为“abc”"),
    ('expected a number, found "a\'b"', "应为数字，实为“a'b”"),
    ("expected a number, found the date '2024-06-30'", "应为数字，实为日期“2024-06-30”"),
    ("expected a finite number, found 'inf'", "应为有限的数字，实为“inf”"),
    (
        (
            "expected a number, found a formula, '=99+0.5', without a saved value: save the file "
            "in Excel"
        ),
        "应为数字，实为没有保存计算结果的公式“=99+0.5”：请在 Excel 中打开并保存该文件",
    ),
    (
        "expected a number with a decimal point, found '98,5'; did you mean 98.5 or 985?",
        "应为带小数点的数字，实为“98,5”；是否应为 98.5 或 985？",
    ),
    (
        "expected yes/no (是/否) or the date it was done, found 'maybe'",
        "应为 是/否（yes/no）或完成日期，实为“maybe”",
    ),
    (
        (
            "0.99 is not a plausible percentage for preschool_gross_enrolment_rate (expected "
            "50–120); a fraction? did you mean 99? write 99, or give the unit 'fraction'"
        ),
        (
            "0.99 不是 preschool_gross_enrolment_rate 的合理百分比（应为 50–120）；"
            "是小数形式吗？是否应为 99？请填写 99，或注明单位“fraction”"
        ),
    ),
    (
        (
            "0.99% is not a plausible percentage for preschool_gross_enrolment_rate (expected "
            "50–120); a fraction? did you mean 99%? write 99%"
        ),
        (
            "0.99% 不是 preschool_gross_enrolment_rate 的合理百分比（应为 50–120）；"
            "是小数形式吗？是否应为 99%？请填写 99%"
        ),
    ),
    (
        (
            "-3 is not a plausible count for kindergartens (expected 20–300 所); a count cannot be "
            "negative (a change from last year?); write the figure itself"
        ),
        (
            "-3 不是 kindergartens 的合理数量（应为 20–300 所）；"
            "数量不能为负数（是否误填了与上年相比的变化量？）；请填写数值本身"
        ),
    ),
    (
        (
            "-103,728,315 元 is not a plausible amount for budget (expected 0 or more 万元, found "
            "-10,372.8315 万元); an amount cannot be negative (a change from last year?); write "
            "the figure itself: 103,728,315, if the sign is a slip"
        ),
        (
            "-103,728,315 元 不是 budget 的合理数值（应为 0 及以上 万元，实为 -10,372.8315 万元）；"
            "金额不能为负数（是否误填了与上年相比的变化量？）；如果负号是误填，请填写 103,728,315"
        ),
    ),
    (
        (
            "15,370 is not a plausible count for compulsory_enrolment (expected 1–12 万人); in 人? "
            "did you mean 1.537 万人? give the unit 人, or write 1.537"
        ),
        (
            "15,370 不是 compulsory_enrolment 的合理数量（应为 1–12 万人）；单位是 人 吗？是否应为 "
            "1.537 万人？请注明单位 人，或填写 1.537"
        ),
    ),
    (
        (
            "2 万人 is not a plausible count for mental_health_teachers (expected 0–15 人, found "
            "20,000 人); in 人? did you mean 2 人? give the unit 人, or write 2 (the unit 万人 is "
            "the table's 单位 line: write this figure's own unit)"
        ),
        (
            "2 万人 不是 mental_health_teachers 的合理数量（应为 0–15 人，实为 20,000 人）；单位是 "
            "人 吗？是否应为 2 人？请注明单位 人，或填写 2（单位 万人 来自表格上方的“单位”行："
            "请写明此数自己的单位）"
        ),
    ),
    (
        (
            "60 is not a plausible value for daily_in_school_exercise_hours (expected 0–3 "
            "小时/天); minutes? did you mean 1 小时/天? write 1 (hours)"
        ),
        (
            "60 不是 daily_in_school_exercise_hours 的合理数值（应为 0–3 小时/天）；"
            "是按分钟填写的吗？是否应为 1 小时/天？请填写 1（以小时计）"
        ),
    ),
    (
        (
            "9,950% is not a plausible percentage for preschool_gross_enrolment_rate (expected "
            "50–120); did you mean 99.5? if the cell is formatted as a percentage, format it as a "
            "number (or type 0.995); else write 99.5"
        ),
        (
            "9,950% 不是 preschool_gross_enrolment_rate 的合理百分比（应为 50–120）；是否应为 "
            "99.5？如果单元格设成了百分比格式，请改为数值格式（或输入 0.995）；否则请填写 99.5"
        ),
    ),
    (
        (
            "992 is not a plausible percentage for compulsory_retention_rate (expected 50–110); a "
            "misplaced decimal point? did you mean 99.2? write 99.2"
        ),
        (
            "992 不是 compulsory_retention_rate 的合理百分比（应为 50–110）；"
            "小数点位置错了吗？是否应为 99.2？请填写 99.2"
        ),
    ),
    (
        (
            "120% is not a plausible percentage for public_kindergarten_enrolment_share (expected "
            "10–100); a share cannot be more than 100 %; check the figure and the total it is a "
            "share of"
        ),
        (
            "120% 不是 public_kindergarten_enrolment_share 的合理百分比（应为 10–100）；"
            "比例不能超过 100%；请核对该数值及其所占的总数"
        ),
    ),
    (
        (
            "1.5 人 is not a plausible count for mental_health_teachers (expected a whole number, "
            "found 1.5 人); a count of whole 人 cannot be 1.5; check the figure"
        ),
        (
            "1.5 人 不是 mental_health_teachers 的合理数量（应为整数，实为 1.5 人）；"
            "以“人”计的数量必须是整数，不能是 1.5；请核对该数值"
        ),
    ),
    (
        (
            "0 is not a plausible count for kindergartens (expected 20–300 所); check the figure; "
            "if there is none, leave the value empty or write —"
        ),
        "0 不是 kindergartens 的合理数量（应为 20–300 所）；请核对该数值；如果没有，请留空或填写 —",
    ),
    (
        (
            "11 is not a plausible count for town_public_central_kindergartens (expected 0–10 所); "
            "check the figure; if it really is right, ask whoever keeps the plan to widen its "
            "plausible range for town_public_central_kindergartens"
        ),
        (
            "11 不是 town_public_central_kindergartens 的合理数量（应为 0–10 所）；请核对该数值；"
            "如确认无误，请告知规划维护人员放宽 town_public_central_kindergartens 的合理范围"
        ),
    ),
    (
        (
            "-20 is not a plausible percentage for growth_rate (expected -10 to 10); check the "
            "figure; if it really is right, ask whoever keeps the plan to widen its plausible "
            "range for growth_rate"
        ),
        (
            "-20 不是 growth_rate 的合理百分比（应为 -10 至 10）；请核对该数值；如确认无误，"
            "请告知规划维护人员放宽 growth_rate 的合理范围"
        ),
    ),
    (
        (
            "no year: add a year column (年份), write the year over the values (2024年), put it in "
            "the file name (2024年统计.xlsx) or pass --year"
        ),
        (
            "缺少年份：请添加年份列（年份）、在数值上方写明年份（2024年）、在文件名中写明年份（2024"
            "年统计.xlsx），或使用 --year 指定"
        ),
    ),
    (
        (
            "the file name names the school year 2023-2024, not a year: add a year column (年份) "
            "or pass --year"
        ),
        "文件名写的是学年 2023-2024，而不是年份：请添加年份列（年份）或使用 --year 指定",
    ),
    (
        "the file name says 2024 but the sheet name says 2023: make them agree",
        "文件名写的是 2024 年，但工作表名写的是 2023 年：请使两者一致",
    ),
    (
        "the header '2024年' says 2024 but the title says 2022: make them agree",
        "表头“2024年”写的是 2024 年，但标题写的是 2022 年：请使两者一致",
    ),
    (
        "year 2023 contradicts the file name, which says 2024",
        "年份 2023 与文件名中的 2024 年不一致",
    ),
    (
        "year 2023 contradicts the header '2024年', which says 2024",
        "年份 2023 与表头“2024年”中的 2024 年不一致",
    ),
    (
        "empty: every row of a file with a year column needs one",
        "年份为空：文件有年份列时，每行都要填写年份",
    ),
    ("expected a year such as 2023, found '20x4'", "应为年份（如 2023），实为“20x4”"),
    (
        "has no rows for --year 2021 (it has 2023, 2024)",
        "没有 --year 2021 所指年份的数据行（文件中的年份：2023, 2024）",
    ),
    (
        "has no rows and no year: name it YYYY.csv or pass --year",
        "没有数据行，也没有年份：请把文件命名为 YYYY.csv（如 2024.csv），或使用 --year 指定",
    ),
    ("no year with data: give --year", "没有任何年份的数据：请用 --year 指定年份"),
    (
        "2019 is before the plan's base year 2022: name a later year",
        "2019 年早于规划的基期年份 2022 年：请指定更晚的年份",
    ),
    (
        (
            "the 合计 row gives 4 for mental_health_teachers but the 2 row(s) it totals sum to 3: "
            "correct the figures or the 合计 row"
        ),
        "“合计”行的 mental_health_teachers 为 4，但它合计的 2 行之和为 3：请更正各行数值或“合计”行",
    ),
    (
        (
            "the 合计 row gives 5 for mental_health_teachers but the 1 row(s) with a value sum to "
            "2 and 1 row(s) are blank: write 0 where a blank means none, and check the figures and "
            "the 合计 row"
        ),
        (
            "“合计”行的 mental_health_teachers 为 5，但有数值的 1 行之和为 2，另有 1 行为空："
            "空白如表示没有，请填 0；并请核对各行数值和“合计”行"
        ),
    ),
    (
        "conflict: budget, 2024 is 100 at a.csv:2 but 90 here: keep one of them",
        "数据冲突：2024 年的 budget 在 a.csv:2 为 100，此处却为 90：请只保留其中一个",
    ),
    (
        (
            "conflict: mental_health_teachers, 2024, 城西中学 is 2 at 2024.csv:2 "
            "(专兼职心理健康教育教师数) but 3 here: keep one of them"
        ),
        (
            "数据冲突：城西中学 2024 年的 mental_health_teachers 在 2024.csv:2 "
            "(专兼职心理健康教育教师数) 为 2，此处却为 3：请只保留其中一个"
        ),
    ),
    (
        "conflict: digital_archive, 2024 is yes at a.csv:2 but no value here: keep one of them",
        "数据冲突：2024 年的 digital_archive 在 a.csv:2 为“是”，此处却为空：请只保留其中一个",
    ),
    (
        "2023.CSV and 2023.csv both give the same year: keep one of them",
        "2023.CSV 和 2023.csv 是同一年份的数据：请只保留其中一个",
    ),
    (
        "expected a number, found 'lots' (read for the years before 2024 of data/2024.csv)",
        "应为数字，实为“lots”（读取 data/2024.csv 在 2024 年以前各年份的数据时发现）",
    ),
    ("… and 7 more problem(s) not listed", "……另有 7 个问题未列出"),
    ("… and 70 more warning(s) not listed", "……另有 70 条警告未列出"),
    (
        (
            "'北山中学' is not in the roster (tests/examples/bureau/roster.csv); did you mean "
            "'南山中学'?"
        ),
        "“北山中学”不在名单（tests/examples/bureau/roster.csv）中；是否为“南山中学”？",
    ),
    (
        (
            "'河口中心小学' is not in the roster (the bundled roster, roster.csv, which lists only "
            "some)"
        ),
        "“河口中心小学”不在名单（内置名单 roster.csv，名单不全）中",
    ),
    (
        (
            "code '3703050001' is '东城镇中心小学' in the roster (roster.csv), but the name says "
            "'南山中学': correct one of them"
        ),
        (
            "学校标识码“3703050001”在名单（roster.csv）中是“东城镇中心小学”，"
            "但名称写的是“南山中学”：请更正其中之一"
        ),
    ),
    (
        "code '3703050004' is '南山中学' in the roster (roster.csv), not '北山中学'",
        "学校标识码“3703050004”在名单（roster.csv）中是“南山中学”，不是“北山中学”",
    ),
    (
        "code '3703059999' is not in the roster (roster.csv), which has '南山中学'",
        "学校标识码“3703059999”不在名单（roster.csv）中，而名单中有“南山中学”",
    ),
    (
        (
            "code '3703059999' is not in the roster (the bundled roster, roster.csv): name the "
            "school or add it to the roster"
        ),
        "学校标识码“3703059999”不在名单（内置名单 roster.csv）中：请填写学校名称，或把它加入名单",
    ),
    (
        (
            "code '3.70305E+09' was shortened by Excel: format the column as text and type the "
            "codes again"
        ),
        "学校标识码“3.70305E+09”被 Excel 改成了科学计数法：请把该列设为文本格式，再重新输入标识码",
    ),
    (
        (
            "'西城镇中心小学' closed after 2023 (roster roster.csv): its 2024 figures are not "
            "counted in the rules over its kind; check the year, or the roster's from/to "
            "(起始/终止年份)"
        ),
        (
            "“西城镇中心小学”已于 2023 年后撤并（名单：roster.csv）：其 2024 "
            "年的数据不计入按学校类型统计的规则；请核对年份，或名单中的起始/终止年份（from/to）"
        ),
    ),
    (
        (
            "'西城镇实验学校' opens in 2024 (roster the bundled roster, roster.csv): its 2023 "
            "figures are not counted in the rules over its kind; check the year, or the roster's "
            "from/to (起始/终止年份)"
        ),
        (
            "“西城镇实验学校”于 2024 年开办（名单：内置名单 roster.csv）：其 2023 "
            "年的数据不计入按学校类型统计的规则；请核对年份，或名单中的起始/终止年份（from/to）"
        ),
    ),
    (
        (
            "'中心馆' is not named by the plan for branch_open; expected one of ['东城分馆', "
            "'西城分馆']"
        ),
        "“中心馆”不在规划为 branch_open 列出的名称中；应为以下之一：['东城分馆', '西城分馆']",
    ),
    (
        "'东成分馆' is not named by the plan for branch_open; did you mean '东城分馆'?",
        "“东成分馆”不在规划为 branch_open 列出的名称中；是否为“东城分馆”？",
    ),
    (
        (
            "kindergarten_enrolment for 2024 is given as 1,000, but Σ children_enrolled over "
            "幼儿园 over 4 entities = 900: the entities' figures are used; check which one is "
            "mistyped"
        ),
        (
            "kindergarten_enrolment 的 2024 年数据填报为 1,000，但 4 个幼儿园的 children_enrolled "
            "之和为 900：已采用各学校的数据；请核对哪个数填错了"
        ),
    ),
    (
        (
            "kindergarten_enrolment for 2024 is given as 1,000, but Σ children_enrolled over 4 "
            "entities = 900: the entities' figures are used; check which one is mistyped"
        ),
        (
            "kindergarten_enrolment 的 2024 年数据填报为 1,000，但 4 个学校（主体）的 "
            "children_enrolled 之和为 900：已采用各学校的数据；请核对哪个数填错了"
        ),
    ),
    (
        (
            "kindergarten_enrolment for 2024 sums the 4 entities the data reports; give --roster "
            "to check that no 幼儿园 is missing"
        ),
        (
            "kindergarten_enrolment 的 2024 年数据按数据中报送的 4 个学校（主体）求和；请用 "
            "--roster 指定名单，以核查有无遗漏的幼儿园"
        ),
    ),
    (
        "inclusive_children for 2024 is not summed: 1 without children_enrolled: 丁幼儿园",
        "inclusive_children 的 2024 年数据未求和：1 个学校缺少 children_enrolled：丁幼儿园",
    ),
    (
        (
            "inclusive_children for 2024 is not summed: a roster must say which entities are "
            "公办、普惠性民办"
        ),
        "inclusive_children 的 2024 年数据未求和：需要名单注明哪些学校是公办、普惠性民办",
    ),
    (
        (
            "inclusive_children for 2024 is not summed: the roster does not know 戊幼儿园, so it "
            "cannot tell whom to count"
        ),
        "inclusive_children 的 2024 年数据未求和：名单中没有 戊幼儿园，无法确定应统计哪些学校",
    ),
    (
        (
            "public_children for 2024 is not summed: the roster does not give the ownership of "
            "甲幼儿园、乙幼儿园、丙幼儿园 and 2 more"
        ),
        (
            "public_children 的 2024 年数据未求和：名单没有注明以下学校的办学性质："
            "甲幼儿园、乙幼儿园、丙幼儿园（另有 2 个）"
        ),
    ),
    (
        (
            "teachers_per_100 for 西校 in 2025 is given as 4.5, but teachers 16 ÷ pupils 400 × 100 "
            "= 4: the counts are used; check which one is mistyped"
        ),
        (
            "西校 2025 年的 teachers_per_100 填报为 4.5，但 teachers 16 ÷ pupils 400 × 100 = 4："
            "已采用由这两个数算出的值；请核对哪个数填错了"
        ),
    ),
    (
        (
            "pupils is 0 for 西校 in 2025, so no ratio over pupils can be computed for it: give "
            "the right count, or leave it out"
        ),
        "西校 2025 年的 pupils 为 0，无法计算以 pupils 为分母的比率：请填写正确的数，或不填",
    ),
    (
        (
            "teachers_per_100 for 东校 in 2025 would be teachers 22 ÷ pupils 50 × 100 = 44, not "
            "plausible (expected 0–30): check the two counts for a typing mistake"
        ),
        (
            "东校 2025 年的 teachers_per_100 按 teachers 22 ÷ pupils 50 × 100 算得 44，"
            "不合理（应为 0–30）：请检查这两个数是否填错"
        ),
    ),
    (
        (
            "pupils is given as 1,200, but pupils_primary + pupils_junior = 1,150: the parts are "
            "used; check which one is mistyped"
        ),
        (
            "pupils 填报为 1,200，但 pupils_primary + pupils_junior = 1,150：已采用各分项之和；"
            "请核对哪个数填错了"
        ),
    ),
    (
        (
            "丙校 gives figures for 2025 but no pupils of any stage "
            "(pupils_primary、pupils_junior、pupils_senior): it is in no stage's figures; give its "
            "pupils"
        ),
        (
            "丙校 填报了 2025 年的数据，但没有任何学段的学生数（pupils_primary、pupils_junior、pupi"
            "ls_senior）：其数据不会计入任何学段；请填报其学生数"
        ),
    ),
    (
        (
            "丁中学 teaches 高中 (a 完全中学 in the roster) but gives no pupils_senior for 2025: "
            "its shared figures are split without that stage; give its pupils"
        ),
        (
            "丁中学 设有高中学段（名单中为完全中学），但没有填报 2025 年的 pupils_senior："
            "其各学段共用的数据拆分时将不含该学段；请填报该学段的学生数"
        ),
    ),
    (
        (
            "甲小学 teaches only 小学 but gives teachers_above_degree 27 and "
            "teachers_above_degree_primary 30 for 2025: teachers_above_degree_primary is used; "
            "check which one is mistyped"
        ),
        (
            "甲小学 只有小学学段，但 2025 年同时填报了 teachers_above_degree（27）和 "
            "teachers_above_degree_primary（30）：已采用 teachers_above_degree_primary；"
            "请核对哪个数填错了"
        ),
    ),
    (
        "has 2 sheets (roster.xlsx[名单], roster.xlsx[说明]): a roster is one table; keep one",
        "有 2 个工作表（roster.xlsx[名单], roster.xlsx[说明]）：名单只能是一张表；请只保留一个",
    ),
    (
        "has a header but no rows: list the entities below it",
        "有表头但没有数据行：请在表头下方逐行列出学校、乡镇等",
    ),
    (
        "expected '# complete: yes' or '# complete: no' (#完整: 是/否), found '# complete: maybe'",
        "应为“# complete: yes”或“# complete: no”（#完整: 是/否），实为“# complete: maybe”",
    ),
    (
        (
            "unknown column 'remarks'; expected one of name, aliases, code, kind, town, ownership, "
            "from, to, 名称, 学校名称"
        ),
        (
            "未知的列“remarks”；应为以下之一：name, aliases, code, kind, town, ownership, from, "
            "to, 名称, 学校名称"
        ),
    ),
    ("unknown 列“备考”; did you mean '备注'?", "未知的列“备考”；是否为“备注”？"),
    ("column 'name' appears twice: keep one", "列“name”出现了两次：请只保留一个"),
    (
        "missing required column(s): kind; add them to the header",
        "缺少必需的列：kind；请在表头中添加",
    ),
    (
        "has a value in column 4, beyond the header: remove it or name it",
        "第 4 列有数值，但超出了表头范围：请删除，或为该列加上表头",
    ),
    (
        "has a value in column 2, under no header: remove it or name it",
        "第 2 列有数值，但该列没有表头：请删除，或为该列加上表头",
    ),
    (
        "the last year (2020) is before the first (2025): swap them or fix one",
        "终止年份（2020）早于起始年份（2025）：请对调或更正其中之一",
    ),
    ("empty: every row needs the entity's name", "名称为空：每行都要填写学校或乡镇的名称"),
    (
        (
            "'=HYPERLINK(1)' starts with '=', which spreadsheets run as a formula: write the name "
            "without it"
        ),
        "“=HYPERLINK(1)”以“=”开头，电子表格会把它当作公式：请去掉开头的“=”",
    ),
    (
        "alias '=甲校' starts with '=', which spreadsheets run as a formula: write it without it",
        "别名“=甲校”以“=”开头，电子表格会把它当作公式：请去掉开头的“=”",
    ),
    (
        (
            "expected the code as digits, found '3.70305E+09', which Excel shortened: format the "
            "column as text and type it again"
        ),
        (
            "学校标识码应为数字，实为被 Excel 改成科学计数法的“3.70305E+09”：请把该列设为文本格式，"
            "再重新输入"
        ),
    ),
    (
        "expected a code of digits or letters (学校标识码), found '37-03'",
        "学校标识码应由数字或字母组成，实为“37-03”",
    ),
    (
        "empty: expected one of 小学, 初中, 九年一贯制, 幼儿园, 镇, 街道",
        "为空：应为以下之一：小学, 初中, 九年一贯制, 幼儿园, 镇, 街道",
    ),
    ("unknown kind '大学'; did you mean '小学'?", "未知的类型“大学”；是否为“小学”？"),
    (
        "unknown ownership '私立'; expected one of 公办, 民办, 普惠性民办",
        "未知的办学性质“私立”；应为以下之一：公办, 民办, 普惠性民办",
    ),
    (
        "expected a year such as 2022, found '二〇二〇'; leave it empty if open",
        "应为年份（如 2022），实为“二〇二〇”；如果没有，请留空",
    ),
    (
        "'齐都真' is not a 镇 or 街道 of this roster; did you mean '齐都镇'?",
        "“齐都真”不是本名单中的镇或街道；是否为“齐都镇”？",
    ),
    (
        (
            "'1' already identifies '甲小学' (row 3); a name, alias or code may identify one "
            "entity only: rename one or drop the alias"
        ),
        (
            "“1”已用于标识“甲小学”（第 3 行）；一个名称、别名或标识码只能对应一个学校或乡镇："
            "请改掉其中一个，或删去该别名"
        ),
    ),
    ("is a directory, not a plan file", "是文件夹，不是规划文件"),
    (
        (
            "is neither a plan file nor a bundled plan (linzi-2021-2025, preschool-universal; "
            "lzplan plans lists them)"
        ),
        (
            "既不是规划文件，也不是内置规划（linzi-2021-2025, preschool-universal；lzplan plans "
            "可列出全部内置规划）"
        ),
    ),
    ("cannot read the plan file: Permission denied", "无法读取规划文件：没有访问权限"),
    ("not UTF-8 text (byte 12)", "不是 UTF-8 编码的文本（字节位置 12）"),
    ("the plan file is empty", "规划文件是空的"),
    (
        "YAML anchors and aliases are not allowed (this anchored value is reused)",
        "不允许使用 YAML 锚点和别名（这个带锚点的值被重复引用了）",
    ),
    ("nested deeper than 50 levels", "嵌套超过 50 层"),
    ("duplicate key 'deadline'", "重复的键“deadline”"),
    ("expected a mapping of plan fields at the top", "文件顶层应为规划各字段的映射（字段名: 值）"),
    (
        "extends names a plan: a bundled plan's name or a file beside this one",
        "extends 应指定一个规划：内置规划的名称，或与本文件在同一文件夹中的文件",
    ),
    (
        "plans extend each other more than 5 deep (one extends itself?)",
        "规划之间的 extends 嵌套超过 5 层（是否有规划引用了自身？）",
    ),
    ("missing required field 'deadline'", "缺少必需的字段“deadline”"),
    ("unknown field", "未知的字段"),
    (
        "unknown rule kind 'treshold'; expected one of 'threshold', 'projection', 'each'",
        "未知的规则类型“treshold”；应为以下之一：'threshold', 'projection', 'each'",
    ),
    ("duplicate id 's.r'", "重复的 id“s.r”"),
    ("a plan needs at least one of its targets", "规划的 targets 至少要有一项"),
    ("the period ends before it starts", "规划期的结束年份早于起始年份"),
    ("unknown section 'nope'", "未知的领域“nope”"),
    (
        "unknown section 'nursery'; known: preschool (学前教育), compulsory (义务教育)",
        "未知的领域“nursery”；可选：preschool (学前教育), compulsory (义务教育)",
    ),
    ("the baseline is not before the deadline", "基期年份不早于截止年份"),
    (
        (
            "unknown criteria plan 'compulsory-balance'; bundled: ['preschool-universal', "
            "'compulsory-quality-balance']"
        ),
        (
            "未知的认定标准规划“compulsory-balance”；内置的有：['preschool-universal', "
            "'compulsory-quality-balance']"
        ),
    ),
    ("unknown indicator 'membres'", "未知的指标“membres”"),
    (
        "a rule of kind 'aggregate' needs a number indicator; 'pupils' is a flag",
        "“aggregate”类规则需要数值型指标；“pupils”是是否型指标",
    ),
    (
        "a rule of kind 'milestone' needs a flag indicator; 'pupils' is a number",
        "“milestone”类规则需要是否型指标；“pupils”是数值型指标",
    ),
    (
        (
            "a rule of kind 'aggregate' needs a per-entity indicator (per_entity: true); 'r' is "
            "district-level"
        ),
        "“aggregate”类规则需要按学校（主体）填报的指标（per_entity: true）；“r”是全区指标",
    ),
    (
        (
            "a rule of kind 'threshold' needs a district-level indicator (per_entity: false); "
            "'pupils' is per-entity"
        ),
        "“threshold”类规则需要全区指标（per_entity: false）；“pupils”是按学校（主体）填报的指标",
    ),
    ("the range's low end is above its high end", "合理范围的下限高于上限"),
    ("'毛入园率' also names r", "“毛入园率”也是 r 的名称"),
    ("'数值' is a column name, not an indicator", "“数值”是列名，不能用作指标名称"),
    ("only a number indicator can be derived", "只有数值型指标才能由计算得出"),
    (
        "computed from itself: teachers_per_100 → teachers_per_100",
        "循环计算（由自身算出）：teachers_per_100 → teachers_per_100",
    ),
    ("a total is a district figure: leave per_entity out", "合计是全区数据：请去掉 per_entity"),
    (
        "'county_fulltime_teachers' must be per-entity, to be summed",
        "“county_fulltime_teachers”必须是按学校（主体）填报的指标，才能求和",
    ),
    (
        "unknown kinds '幼稚园'; expected one of ['小学', '初中', '幼儿园']",
        "未知的类型“幼稚园”；应为以下之一：['小学', '初中', '幼儿园']",
    ),
    (
        "a stage part is a school's figure: set per_entity: true",
        "学段分项是学校的数据：请设置 per_entity: true",
    ),
    (
        "unknown stage '中学'; the plan's stages are ['小学', '初中', '高中']",
        "未知的学段“中学”；规划中的学段为 ['小学', '初中', '高中']",
    ),
    ("stage '初中' is listed twice", "学段“初中”重复列出"),
    ("'pupils' must be a per-entity number", "“pupils”必须是按学校（主体）填报的数值型指标"),
    (
        "unknown roster kind '中学'; expected one of ['小学', '初中', '高中']",
        "未知的名单类型“中学”；应为以下之一：['小学', '初中', '高中']",
    ),
    ("'teachers' is a flag; a ratio needs numbers", "“teachers”是是否型指标；比率需要数值型指标"),
    (
        "'digital_archive' is a flag; a total needs numbers",
        "“digital_archive”是是否型指标；合计需要数值型指标",
    ),
    (
        "'pupils' must be per-entity, as 'teachers_per_100' is",
        "“pupils”必须与“teachers_per_100”一样按学校（主体）填报",
    ),
    (
        "'budget' must be district-level, as 'budget_per_pupil' is",
        "“budget”必须与“budget_per_pupil”一样是全区指标",
    ),
    ("the scale must be above 0", "scale 必须大于 0"),
    ("a ratio of a figure to itself is always 1", "一个数与自身之比总是 1"),
    ("'degree_per_100' is listed twice", "“degree_per_100”重复列出"),
    (
        "pupils are counted over the plan's stages: declare stages",
        "学生数按规划的学段统计：请声明 stages",
    ),
    ("at least 8 of 7 criteria", "要求至少 8 项达标，但只有 7 项标准"),
    ("a criterion needs a direction: >=, >, <= or <", "每项标准都需要比较方向：>=、>、<= 或 <"),
    ("a weight applies to a mean or a cv, not a share", "权重只适用于 mean 或 cv，不适用于 share"),
    ("a value cannot weight itself", "指标不能以自身加权"),
    ("duplicate item", "重复的事项"),
    (
        "Input should be 'binding' or 'anticipatory' (found 'maybe')",
        "应为 'binding' 或 'anticipatory'（实为 'maybe'）",
    ),
    (
        "Input should be '>=', '>', '<=', '<' or '==' (found '=>')",
        "应为 '>=', '>', '<=', '<' 或 '=='（实为 '=>'）",
    ),
    (
        "Input should be a valid integer, unable to parse string as an integer (found 'x')",
        "应为整数，无法把该文本读作整数（实为 'x'）",
    ),
    (
        "Input should be a valid integer, got a number with a fractional part (found 2023.5)",
        "应为整数，不能带小数（实为 2023.5）",
    ),
    (
        "Input should be a valid number, unable to parse string as a number (found 'ninety')",
        "应为数字，无法把该文本读作数字（实为 'ninety'）",
    ),
    ("Input should be a valid number (found None)", "应为数字（实为空值）"),
    ("Input should be a finite number (found inf)", "应为有限的数字（实为 inf）"),
    ("Input should be a valid string (found 5)", "应为文本（实为 5）"),
    (
        "Input should be a valid boolean, unable to interpret input (found 'perhaps')",
        "应为 true 或 false，无法识别该值（实为 'perhaps'）",
    ),
    ("Input should be a valid tuple (found 5)", "应为列表（实为 5）"),
    ("Input should be a dictionary or an instance of Target", "应为字段映射（字段名: 值）"),
    (
        "Input should be a valid dictionary or object to extract fields from (found 5)",
        "应为字段映射（字段名: 值）（实为 5）",
    ),
    (
        "Input should be greater than or equal to 1900 (found 1800)",
        "应大于或等于 1900（实为 1800）",
    ),
    ("Input should be less than or equal to 1 (found 85)", "应小于或等于 1（实为 85）"),
    (
        "Tuple should have at most 2 items after validation, not 3 (found [1, 2, 3])",
        "最多应有 2 项，实有 3 项（实为 [1, 2, 3]）",
    ),
    ("String should have at least 1 character (found '')", "至少应有 1 个字符（实为 ''）"),
    (
        "Unable to extract tag using discriminator 'kind' (found {'value': 1})",
        "无法确定类型：缺少“kind”字段，或其值无效（实为 {'value': 1}）",
    ),
    (
        "not valid YAML: mapping values are not allowed here",
        "不是有效的 YAML：mapping values are not allowed here",
    ),
    ("cannot write the file: there is no folder out/nope", "无法写入文件：文件夹 out/nope 不存在"),
    ("cannot write the file: No space left on device", "无法写入文件：磁盘空间不足"),
    (
        "is one of the files this run reads: choose another --output",
        "是本次运行要读取的文件之一：请为 --output 另选文件",
    ),
    (
        "is inside tests/examples/bureau, a folder being read: choose another --output",
        "位于正在读取的文件夹 tests/examples/bureau 中：请为 --output 另选文件",
    ),
    ("is a folder: name a file for --output", "是文件夹：--output 请指定一个文件"),
    ("exists: pass --force to replace it", "已存在：如要替换，请加 --force"),
    ("a workbook needs --output FILE.xlsx", "工作簿需要用 --output FILE.xlsx 指定输出文件"),
    ("a Word document needs --output FILE.docx", "Word 文档需要用 --output FILE.docx 指定输出文件"),
    (
        'a Word report needs python-docx and matplotlib: pip install "lzplan[docx]"',
        '生成 Word 报告需要 python-docx 和 matplotlib：pip install "lzplan[docx]"',
    ),
    (
        (
            "a wide template has one row per school, town or item, and this plan has no per-school "
            "or per-town figures: leave out --wide"
        ),
        "宽表模板每行是一个学校、乡镇或项目，而本规划没有按学校或乡镇填报的指标：请去掉 --wide",
    ),
    (
        (
            "a wide CSV holds one table, and this plan's per-entity figures need 3 (schools, "
            "towns, items): use --format xlsx, which puts each on its own sheet, or leave out "
            "--wide"
        ),
        (
            "宽表 CSV 只能容纳一张表，而本规划按学校（主体）填报的指标需要 3 "
            "张表（学校、乡镇、项目）：请改用 --format xlsx（每张表各占一个工作表），或去掉 --wide"
        ),
    ),
    (
        "cannot read the explanations: No such file or directory",
        "无法读取情况说明文件：文件或文件夹不存在",
    ),
    (
        "health_pe.daily_exercise: no explanation in the second column",
        "health_pe.daily_exercise：第二列没有说明",
    ),
    (
        "no such target in the plan: health_pe.no_such_target; use the ids lzplan targets lists",
        "规划中没有这个目标：health_pe.no_such_target；请使用 lzplan targets 列出的目标代码",
    ),
    (
        "health_pe.fitness_good_rate is explained twice (line 1 too): keep one",
        "health_pe.fitness_good_rate 有两条说明（第 1 行也有）：请只保留一条",
    ),
]

#: More messages as they really come: values quoted by Python's repr (with a ' inside, or
#: escapes), paths, long lists; what is English in them is what the user wrote.
EXTRA: list[str] = [
    'expected a number, found "æ\'Fû"',
    "expected a number, found '\\x1b[K'",
    "expected a year such as 2023, found 'inf'",
    "expected yes/no (是/否) or the date it was done, found '1,370'",
    "unknown column '-1.38768e+299' (row 5 was taken for the header): rename it, or delete "
    "it (to keep what it says, head it 备注)",
    "unknown kind '九年一贯制学校'; did you mean '九年一贯制'?",
    "unknown indicator '学前三年毛入圆率'; did you mean '学前三年毛入园率'?",
    "'98.5%' is written in % but the unit column says 'fraction': make them agree (or "
    "clear the unit cell to use the one in the figure)",
    "'八齐陵道' is not in the roster (the bundled roster, roster.csv, which lists only some); "
    "did you mean '齐陵街道'?",
    "conflict: counsellors, 2024, 东城镇中心小学 is 1 at data/2024.csv:2 (心理健康教育教师数) "
    "but 2 here: keep one of them",
    "conflict: digital_archive, 2024 is 2024-06-30 at a.csv:2 but no here: keep one of them",
    "kindergarten_enrolment for 2024 is not summed: the roster does not know 甲幼儿园、"
    "乙幼儿园、丙幼儿园 and 2 more, so it cannot tell whom to count",
    "children_per_teacher for 2025 is given as 12, but children 1,200 ÷ teachers 60 = 20: "
    "the counts are used; check which one is mistyped",
    "teachers is 0 for 2025, so no ratio over teachers can be computed for it: give the "
    "right count, or leave it out",
    "children_per_teacher for 2025 would be children 1,200 ÷ teachers 6 = 200, not plausible "
    "(expected 5–30): check the two counts for a typing mistake",
    "the sheet name says 2023 but the title says 2022: make them agree",
    "year 2023 contradicts the sheet name, which says 2024",
    "the title names the school year 2023—2024, not a year: add a year column (年份) or "
    "pass --year",
    "columns '指标名称' and 'indicator_name' both give the indicator_name",
    "columns '数据来源' and '来源' both give the source",
    "branch_books is given per branch: name the branch in this row",
    "'digital_archive' is a flag; a stage part needs numbers",
    "'digital_archive' is a flag; a sum needs numbers",
    "Input should be greater than 0 (found -1)",
    "cannot read the file: Is a directory",
    "cannot write the file: Read-only file system",
    "is not punycode text (byte 0)",
    'writing Excel files needs openpyxl: pip install "lzplan[xlsx]"',
    "is not readable CSV: line contains NUL",
]

#: What the libraries say inside a message stays as they say it: YAML's parser (its
#: wording is open-ended; the message gives the line and column), and a decoder's reason.
LIBRARY = re.compile(r"^not valid YAML: |^is not \S+ text \((?!byte )")

#: Words that may stay English: what the user types or sees elsewhere (formats, tools,
#: options' values, the header names and field names a file or plan may use), and the
#: indicator, section and entity-kind ids of the messages above.
ALLOWED = frozenset(
    re.findall(
        r"\S+",
        """
        UTF GBK GB18030 CSV csv xlsx xls xlsm Excel YAML openpyxl pip install lzplan Word FILE
        docx python matplotlib BadZipFile NUL YYYY utf punycode inf nan per_entity true false
        plans targets extends fraction scale stages mean cv share entity indicator value unit
        year note source name aliases code kind town ownership from indicator_name
        members budget kindergartens teachers pupils children counsellors branch preschool
        compulsory html HTML table json markdown junit github report
        """,
    )
)


def english_left(text: str) -> list[str]:
    """The English words of ``text`` besides quoted names, ids, paths, options and the
    :data:`ALLOWED` words."""
    text = re.sub(r"“[^”]*”|'[^']*'|\"[^\"]*\"", " ", text)  # what the user wrote
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:csv|CSV|xlsx)\b", " ", text)  # paths and files
    text = re.sub(r"--[\w-]+", " ", text)  # options
    text = re.sub(r"\b\w+(?:[._-]\w+)+\b", " ", text)  # ids: a_b, a.b, linzi-2021-2025
    text = re.sub(r"\[[^\]]*\]", " ", text)  # lists as Python shows them
    return [word for word in re.findall(r"[A-Za-z]{3,}", text) if word not in ALLOWED]


@pytest.mark.parametrize(("english", "chinese"), CASES, ids=range(len(CASES)))
def test_a_message_reads_as_chosen(english: str, chinese: str) -> None:
    assert zh_input(english) == chinese


ALL = [english for english, _ in CASES] + EXTRA


@pytest.mark.parametrize("english", ALL, ids=range(len(ALL)))
def test_no_english_is_left(english: str) -> None:
    if LIBRARY.search(english):
        pytest.skip("the library's own words")
    assert english_left(zh_input(english)) == []


@pytest.mark.parametrize("english", ALL, ids=range(len(ALL)))
def test_no_english_is_left_in_a_located_problem(english: str) -> None:
    """As ``validate`` says it: with the file, row and column (put into Chinese first)."""
    if LIBRARY.search(english):
        pytest.skip("the library's own words")
    problem = Problem("data/2024.csv", english, 3, "数值", severity="warning")
    line = render_text((problem,), "zh")
    assert line.startswith("警告：data/2024.csv:3: 列“数值”: ")
    assert english_left(line) == []


def test_the_table_tries_the_longer_phrases_first() -> None:
    """A generic clause must not cut into a longer message before its own phrase does."""
    assert zh_input(
        "code '1' is not in the roster (r.csv): name the school or add it to the roster"
    ) == ("学校标识码“1”不在名单（r.csv）中：请填写学校名称，或把它加入名单")
    assert zh_input("'1' is not in the roster (r.csv)") == "“1”不在名单（r.csv）中"


# --- validate --lang zh on files that are really wrong ---------------------------------


def _validate(runner: CliRunner, path: Path) -> tuple[int, list[str], list[str]]:
    result = runner.invoke(main, ["validate", "--lang", "zh", str(path)])
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


def _all_chinese(lines: list[str]) -> None:
    for line in lines:
        if line.startswith(("错误：", "警告：", "说明：")):
            assert english_left(line) == [], line


def test_a_unit_that_does_not_convert(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("指标,数值,单位\n幼儿园数,98,元\n", "utf-8")
    code, _, errors = _validate(runner, data)
    assert code == 2
    assert f"错误：{data}:2: 列“单位”: 单位“元”无法换算为“所”：请以 所 为单位填写" in errors
    _all_chinese(errors)


def test_an_unknown_column(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("指标,数值,备考\n幼儿园数,98,x\n", "utf-8")
    code, _, errors = _validate(runner, data)
    assert code == 2
    assert errors[0] == (
        f"错误：{data}:1: 未知的列“备考”：请改名或删除（要保留其内容，请将列名改为“备注”）"
    )
    assert errors[1].startswith(f"错误：{data}:1: 可用的列：indicator/指标/")
    assert "；不读取的列：序号/" in errors[1]
    _all_chinese(errors)


def test_a_year_that_contradicts_the_file_name(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("年份,指标,数值\n2023,幼儿园数,98\n", "utf-8")
    code, _, errors = _validate(runner, data)
    assert code == 2
    assert errors == [f"错误：{data}:2: 列“年份”: 年份 2023 与文件名中的 2024 年不一致"]


def test_a_totals_row_that_does_not_add_up(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "2024.csv"
    data.write_text("学校名称,专兼职心理健康教育教师数\n甲小学,1\n乙小学,2\n合计,4\n", "utf-8")
    code, _, errors = _validate(runner, data)
    assert code == 2
    assert (
        f"错误：{data}:4: 列“专兼职心理健康教育教师数”: “合计”行的 mental_health_teachers "
        "为 4，但它合计的 2 行之和为 3：请更正各行数值或“合计”行"
    ) in errors
    _all_chinese(errors)
    data.write_text("学校名称,专兼职心理健康教育教师数\n甲小学,1\n乙小学,\n合计,4\n", "utf-8")
    code, said, _ = _validate(runner, data)  # a blank row: a warning, on standard output
    assert code == 0
    assert (
        f"警告：{data}:4: 列“专兼职心理健康教育教师数”: “合计”行的 mental_health_teachers "
        "为 4，但有数值的 1 行之和为 1，另有 1 行为空：空白如表示没有，请填 0；"
        "并请核对各行数值和“合计”行"
    ) in said
    _all_chinese(said)


def test_a_gbk_file_with_a_bad_byte(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "2024.csv"
    data.write_bytes("指标,数值\n幼儿园数,98\n".encode("gbk") + b"\xff\xff,1\n")
    code, _, errors = _validate(runner, data)
    assert code == 2
    assert errors == [
        f"错误：{data}:1: 既不是 UTF-8 也不是 GBK/GB18030 编码的文本（字节位置 2）："
        "请用 --encoding 指定编码"
    ]


def test_a_workbook_whose_sheet_names_another_year(runner: CliRunner, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2023年数据"
    sheet.append(["指标", "数值"])
    sheet.append(["幼儿园数", "九十八"])
    sheet.append(["学前三年毛入园率", "=A1"])
    data = tmp_path / "2024.xlsx"
    book.save(data)
    code, _, errors = _validate(runner, data)
    assert code == 2
    place = f"{data}[2023年数据]"
    assert errors[0] == (
        f"错误：{place}:1: 文件名写的是 2024 年，但工作表名写的是 2023 年：请使两者一致"
    )
    assert f"错误：{place}:2: 列“数值”: 应为数字，实为“九十八”" in errors
    assert (
        f"错误：{place}:3: 列“数值”: 应为数字，实为没有保存计算结果的公式“=A1”："
        "请在 Excel 中打开并保存该文件"
    ) in errors
    _all_chinese(errors)
