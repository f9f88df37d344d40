"""The words of lzplan's reports in Chinese and English, from one catalogue.

``--lang`` chooses; without it the locale does (``LC_ALL``, ``LC_MESSAGES``, ``LANG``
starting ``zh``; on Windows the user's interface language). Only labels change: JSON and
CSV keep their machine values. Every key has both languages (a test checks it).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import re
    from collections.abc import Callable

LANGS: tuple[str, ...] = ("zh", "en")

#: key → (English, Chinese). ``{name}`` fields are filled by :func:`say`.
CATALOGUE: dict[str, tuple[str, str]] = {
    # verdicts
    "status.pass": ("pass", "达标"),
    "status.fail": ("FAIL", "未达标"),
    "status.warn": ("warn", "预警"),
    "status.missing": ("missing", "无数据"),
    "status.pending": ("pending", "未到期"),
    "status.flag": ("flag", "提示"),
    "status.note": ("note", "说明"),
    # table columns
    "col.target": ("Target", "目标"),
    "col.severity": ("severity", "级别"),
    "col.where": ("where", "位置"),
    "col.problem": ("problem", "问题"),
    "problems.none": ("No problems found.", "未发现问题。"),
    "col.expected": ("Expected", "要求"),
    "col.actual": ("Actual", "实际"),
    "col.verdict": ("Verdict", "结论"),
    "col.gap": ("Gap", "差距"),
    "col.status": ("Status", "进展"),
    "col.trend": ("Trend", "趋势"),
    "col.final": ("Final", "终期结论"),
    # outcomes at a target's deadline (progress)
    "final.met": ("met", "达标"),
    "final.not_met": ("not met", "未达标"),
    "final.off_forecast": ("off forecast", "偏离预测"),
    "final.no_data": ("no data", "无数据"),
    "final.pending": ("not yet due", "未到期"),
    "col.rule": ("Rule", "规则"),
    "col.nature": ("Nature", "性质"),
    "col.indicator": ("Indicator", "指标"),
    "col.unit": ("Unit", "单位"),
    "col.also": ("Also written", "其他写法"),
    "col.place": ("School or place", "学校或地区"),
    "col.criterion": ("Criterion", "评估指标"),
    "col.now": ("Now", "现值"),
    "col.needs": ("Needs", "需达到"),
    "col.to_add": ("To add", "需增加"),
    # natures
    "nature.binding": ("binding", "约束性"),
    "nature.anticipatory": ("anticipatory", "预期性"),
    # lines under a table
    "summary": ("{year}: {parts} ({count} targets)", "{year}年：{parts}（共 {count} 项）"),
    "summary.part": ("{count} {status}", "{status} {count}"),
    "summary.none": ("nothing judged", "无可评判"),
    "targets.count": ("{count} targets", "共 {count} 项目标"),
    "wrote": ("wrote {file}", "已写入 {file}"),
    "indicators.count": (
        "{count} indicators, {used} used by the plan's targets",
        "共 {count} 项指标，目标用到 {used} 项",
    ),
    "no_data": ("no data for {count} indicator(s): {names}", "{count} 项指标无数据：{names}"),
    "unverified": ("unverified 待核实", "待核实"),
    # accreditation milestones
    "milestone.decided": (
        "decided by the national criteria ({plan}): `lzplan readiness` judges them on "
        "per-school data",
        "由国家认定标准（{plan}）决定：lzplan readiness 可按各校数据评估",
    ),
    "milestone.problems": (
        "the per-school figures for the national criteria ({plan}) have {count} problem(s): "
        "`lzplan readiness` lists them",
        "国家认定标准（{plan}）所需的各校数据有 {count} 处问题：lzplan readiness 可逐一列出",
    ),
    "milestone.none": (
        "the national criteria: no per-school figures for {year}",
        "国家认定标准：{year} 年没有各校数据",
    ),
    "milestone.summary": (
        "on the per-school data for {year}, {headline}",
        "按 {year} 年各校数据，{headline}",
    ),
    "milestone.failing": ("; failing: {ids}", "；未达标：{ids}"),
    "milestone.detail": (
        "; `lzplan readiness` gives each school's shortfall",
        "；lzplan readiness 可列出各校差距",
    ),
    # progress
    "progress.title": ("{dataset} — progress as of {now}", "{dataset} — 截至 {now} 年的进展"),
    "progress.no_year": (
        "no target has a figure for {years}: was a year's file left out, or does it give only "
        "figures no target judges?",
        "{years} 年没有任何目标的数据：是否漏放了该年的数据文件，或文件中只有目标不用的数据？",
    ),
    "progress.latest": (
        " (the data's latest year is {latest})",
        "（数据的最近年份为 {latest} 年）",
    ),
    "progress.legend": (
        "{years}* mid-term {midterm} (中期评估); ✓ met, ✗ not met, ! off a projection, "
        "· not due yet, — no data; {statuses}",
        "{years}* {midterm} 年中期评估；✓ 达标，✗ 未达标，! 偏离预测，· 未到期，"
        "— 无数据；{statuses}",
    ),
    "progress.years": ("years {first}–{last}, ", "{first}–{last} 年，"),
    "progress.final": (
        "final evaluation (deadline reached): {counts}",
        "终期评估（已到截止年份）：{counts}",
    ),
    "progress.counted": (
        "{met} met, {not_met} not met{off}, {no_data} no data",
        "达标 {met}，未达标 {not_met}{off}，无数据 {no_data}",
    ),
    "progress.off": (", {count} off forecast", "，偏离预测 {count}"),
    "progress.summary": ("{now}: {parts} ({count} targets)", "{now}年：{parts}（共 {count} 项）"),
    "progress.broke": ("{target}: broke the rule in {years}", "{target}：{years}未达到逐年要求"),
    "progress.held_back": ("{target}: held back by {who}", "{target}：影响达标的有 {who}"),
    "progress.pace": (
        "needs {per_year}{unit} a year to reach the target by {deadline}",
        "需每年变化 {per_year}{unit}，才能于 {deadline} 年底前达到目标",
    ),
    "progress.pace_growth": (" ({growth} a year)", "（每年 {growth}）"),
    "progress.projects": (
        "; the trend projects {shown} for {deadline}",
        "；按现有趋势，{deadline} 年约为 {shown}",
    ),
    "progress.points": (" points", " 个百分点"),
    # the lines of a failed JUnit test case
    "junit.expected": ("expected: ", "要求："),
    "junit.actual": ("actual: ", "实际："),
    "junit.gap": ("gap: ", "差距："),
    "junit.detail": ("detail: ", "说明："),
    "junit.source": ("source: ", "来源："),
    "junit.warning": ("warning: ", "预警："),
    "junit.method": ("method: ", "方法："),
    "junit.broken": ("broken: ", "未达到逐年要求："),
    "junit.broke": ("broke a yearly rule", "有年份未达到逐年要求"),
    # the unit column of `lzplan indicators`
    "unit.flag": ("yes/no, date", "是/否，日期"),
    "per.school": ("per school", "每所学校"),
    "per.town": ("per town", "每个乡镇"),
    "per.project": ("per item", "每个项目"),
    "per.kindergarten": ("per kindergarten", "每所幼儿园"),
    "per.entity": ("per entity", "每个单位"),
    # readiness
    "readiness.pass": ("would pass", "可以通过"),
    "readiness.fail": ("would NOT pass", "不能通过"),
    "readiness.missing": ("cannot tell: data missing", "数据不全，无法判断"),
    "readiness.refused": ("NOT JUDGED: its data were refused", "未评估：数据有误，被拒绝"),
    "readiness.errors": ("{count} error(s) below", "错误 {count} 处，见下"),
    "readiness.headline": ("{title}: {verdict} ({parts})", "{title}：{verdict}（{parts}）"),
    "readiness.take": ("What it would take, school by school", "达标所需（逐校）"),
    "readiness.bill": ("In all, to add: {costs}", "合计需增加：{costs}"),
    "readiness.blank": (
        "Left blank, so not judged (to fill in): {owed}",
        "未填报，未能评判（请补填）：{owed}",
    ),
    "readiness.excluded": ("Excluded: {entity} — {why}", "不在评估范围：{entity} — {why}"),
    "readiness.share": ("({share} of {required})", "（要求 {required} 的 {share}）"),
    "readiness.over": ("over the limit by {gap}", "超出 {gap}"),
    "readiness.short": ("short by {gap}", "差 {gap}"),
    "relief.cv": ("{target}: CV {cv} > {limit}", "{target}：差异系数 {cv} > {limit}"),
    "relief.raised": (
        "with the {count} school(s) below {requirement} raised to it: {after}",
        "将低于 {requirement} 的 {count} 所学校提至要求后：{after}",
    ),
    "relief.moves": ("then moving most: {moves}", "其后最能降低差异系数的学校：{moves}"),
    "relief.move": (
        "{entity} ({value} → mean: CV {cv})",
        "{entity}（{value} → 平均值：差异系数 {cv}）",
    ),
}


#: The rules' own wording (descriptions, a result's expected and actual text) in Chinese:
#: (English pattern, Chinese template), tried in order; ``{when}`` is translated by
#: :data:`_WHEN`. A text no pattern matches is shown as it is.
RULE_WORDS: tuple[tuple[str, str], ...] = (
    (r"(?P<op>[≥≤=<>]) (?P<v>.+?) (?P<when>every year|by \d{4})", "{when} {op} {v}"),
    (r"≈ (?P<v>.+?) by (?P<y>\d{4}) \(±(?P<t>.+?), projection\)", "{y}年约 {v}（±{t}，预测性）"),
    (r"change (?P<op>\S+) (?P<d>.+?) every year", "每年变化 {op} {d}"),
    (r"change (?P<op>[≥≤<>=]) (?P<d>.+)", "变化 {op} {d}"),
    (r"about (?P<v>.+?) ± (?P<s>.+?) by (?P<y>\d{4})", "到{y}年约 {v} ± {s}"),
    (
        r"each: ≥ (?P<std>.+) of the requirements (?P<when>every year|by \d{4})",
        "每所学校{when}：{std}",
    ),
    (r"each: (?P<op>\S+) (?P<v>.+?) (?P<when>every year|by \d{4})", "{when}每个均 {op} {v}"),
    (
        r"(?P<k>\d+) of (?P<n>\d+), the rest at ≥ (?P<f>\d+%)",
        "{n}项中至少{k}项达标，其余不低于要求的{f}",
    ),
    (r"(?P<k>\d+) of (?P<n>\d+)", "{n}项中至少{k}项达标"),
    (r"(?P<m>\d+)/(?P<n>\d+) meet", "{m}/{n} 达标"),
    (r"(?P<m>\d+)/(?P<n>\d+) meet, (?P<k>\d+) without data", "{m}/{n} 达标，{k} 个无数据"),
    (r"no data \((?P<n>\d+) to report\)", "无数据（应报 {n} 个）"),
    (r"(?P<d>\d+) of (?P<n>\d+) done", "完成 {d}/{n}"),
    (r"(?P<d>\d+) of (?P<n>\d+) done, (?P<k>\d+) without data", "完成 {d}/{n}，{k} 项无数据"),
    (r"(?P<d>\d+) of (?P<n>\d+) due by (?P<y>\d{4})", "{y}年底前应完成 {d}/{n}"),
    (r"(?P<n>\d+) items due (?P<span>[\d–]+)", "{n}项，{span}年到期"),
    (r"done by (?P<y>\d{4})", "{y}年底前完成"),
    (r"yes, every year", "每年均为“是”"),
    (r"yes", "是"),
    (r"no", "否"),
    (
        r"cv weighted by (?P<w>\S+) over (?P<k>\S+) (?P<op>[≥≤<>]) (?P<v>\S+) "
        r"(?P<when>every year|by \d{4})",
        "差异系数（按 {w} 加权，{k}）{when} {op} {v}",
    ),
    (r"(?P<l>[a-z_]+) (?P<op>[≥≤<>=]) (?P<r>.+?) every year", "每年 {l} {op} {r}"),
)
_WHEN = {"every year": "每年"}

#: The bundled criteria plans as a Chinese reader names them (each is in its plan's title).
CRITERIA_ZH = {
    "preschool-universal": "学前教育普及普惠督导评估标准",
    "compulsory-quality-balance": "义务教育优质均衡发展督导评估标准",
}

#: Phrases inside a rule's explanation of a verdict (its detail, and what it says of each
#: school or item), put into Chinese one by one where the whole text has no pattern.
RULE_PHRASES: tuple[tuple[str, str], ...] = (
    (r"(\d+) of (\d+), the rest at ≥ (\d+%)", r"\2项中至少\1项达标、其余不低于要求的\3"),
    (r"(\d+) not meeting ", r"\1 个未达到 "),
    (
        r"(\d{4}) \(change ([-+\d.]+) since (\d{4}), (\d+) years\)",
        r"\1年（较\3年变化 \2，共 \4 年）",
    ),
    (r"^(\d{4})$", r"\1年"),
    # progress's methods (how a status was reached), as the workbook's 方法 column says them
    (r"^target already met$", "已达到目标"),
    (r"^the base year is at or after the deadline$", "基年不早于截止年份"),
    (r"^moved away from a target the base year met$", "偏离了基年已达到的目标"),
    (
        r"^absolute change \(a value of zero or less has no growth rate\)",
        "按绝对变化计算（零或负值没有增长率）",
    ),
    (
        r"^growth rate \(CAGR\) against the rate the target requires",
        "实际年均增长率与目标所需增长率之比",
    ),
    (r"^observed growth rate \(CAGR\)$", "实际年均增长率"),
    (r"; no growth required$", "；无需增长"),
    (r"^a value of zero or less has no growth rate$", "零或负值没有增长率"),
    (r"^fewer than two years with data$", "有数据的年份不足两年"),
    (r"^a year broke the rule$", "有年份未达到逐年要求"),
    (r"^no year broke the rule$", "各年均达到逐年要求"),
    (r"^no year of the plan with data$", "规划期内无数据"),
    (r"^within its tolerance of the path$", "在预测路径的允许范围内"),
    (r"^outside its tolerance of the path$", "超出预测路径的允许范围"),
    (r"^no year with data$", "没有有数据的年份"),
    (r" \((\d{4})\)$", r"（\1年）"),
    # a verdict's detail, as the workbook's 说明 column says it
    (r"^all (\d+) due item\(s\) done$", r"到期的 \1 项均已完成"),
    (r"^all items done", "各项均已完成"),
    (r"^done \(yes\)", "已完成"),
    (r"^done \((\d{4}-\d\d-\d\d)\)", r"已于 \1 完成"),
    (r"^not yet done; ", "尚未完成；"),
    (r"^not yet met; ", "尚未达标；"),
    (r"^short of ([^;]+); ", r"距要求尚差 \1；"),
    (r"^nothing due until (\d{4})$", r"\1 年前无到期事项"),
    (r"^off the straight path to the target$", "偏离达成目标的直线路径"),
    (r"^within ([-\d.,]+)–([-\d.,]+)$", r"在 \1–\2 之间"),
    (r"^change ([≤≥<>]) ", r"变化 \1 "),
    (r"^changed ([-\d.,]+) from (\d{4}) \(([-\d.,]+)\)$", r"较\2年（\3）变化 \1"),
    (r"^applies from (\d{4}), the plan's first year$", r"自规划首年 \1 年起适用"),
    (r" to compare with$", "（无可比较的数据）"),
    (r"all (\d+) meet ", r"全部 \1 个达到 "),
    (r"(\d+) without data", r"\1 个无数据"),
    (r"(\d+) of (\d+) met", r"\2项中\1项达标"),
    (r"needs ([≥≤<>]) ", r"要求 \1 "),
    (r" ?\(reaches ([\d.]+%)\)", r"（达到要求的 \1）"),
    (r" ?\(no data: ", "（缺数据："),
    (r" ?\(no data\)", "（无数据）"),
    (r"(\d+) excluded \(", r"\1 所不在评估范围（"),
    (r" ?\((\d+) pupils\)", r"（\1 名学生）"),
    (r"off the projection by ([-+\d.]+%) \(tolerance ±([\d.]+%)\)", r"偏离预测 \1（允许 ±\2）"),
    (r"no value for (\S+) and (\S+) in (\d{4})", r"\3 年无数据：\1、\2"),
    (r"no value for (.+?) in (\d{4})", r"\2 年无数据：\1"),
    (r" ?\(not done; due by (\d{4})\)", r"（未完成，应于 \1 年底前完成）"),
    (r"not done; due by (\d{4})", r"未完成，应于 \1 年底前完成"),
    (r"done late", "逾期完成"),
    (r"(\d+) due item\(s\) not done in time", r"\1 项到期未完成"),
    (r"due by (\d{4})", r"应于 \1 年底前"),
    (r"^not met$", "未达标"),
    (r"^met$", "达标"),
    # flags: figures that moved surprisingly (a note beside the verdict, never a verdict)
    (
        r"^(\S+) moved from ([\d.,]+%) → ([\d.,]+%) in a year: a misplaced decimal point\? "
        r"check the figure$",
        r"\1 一年内由 \2 变为 \3：小数点位置错了吗？请核对该数值",
    ),
    (r"^(\S+) rose ([\d,]+) % in a year \(", r"\1 一年内上升 \2%（"),
    (r"^(\S+) fell ([\d,]+) % in a year \(", r"\1 一年内下降 \2%（"),
    (
        r"^(\S+) (rose|fell) ([\d,]+) % in (\d+) years \(([\d,]+) % a year\) \(",
        r"\1 \4 年内变化 \3%（每年 \5%）（",
    ),
    (r"\); check the figure and its unit$", "）；请核对该数值及其单位"),
    (r"cv over (\d+) entities, weighted by ([a-z_]+)", r"\1 所学校的差异系数（按 \2 加权）"),
    *(
        (rf"national criteria \({name}\)", f"national criteria ({chinese})")
        for name, chinese in CRITERIA_ZH.items()
    ),
    (
        r"decided by the national criteria \(([^)]+)\): `lzplan readiness` judges them on "
        r"per-school data",
        r"由国家认定标准（\1）决定：lzplan readiness 可按各校数据评估",
    ),
    (r"on the per-school data for (\d{4}), ", r"按 \1 年各校数据，"),
    (r"; failing: ", "；未达标："),
    (r"; `lzplan readiness` gives each school's shortfall", "；lzplan readiness 可列出各校差距"),
    (r"would NOT pass", "不能通过"),
    (r"would pass", "可以通过"),
    (
        r" ?\(([-\d.,]+), above the mean ([-\d.,]+); (\d+%) of the spread\)",
        r"（\1，高于平均值 \2，占离散程度的 \3）",
    ),
    (
        r" ?\(([-\d.,]+), below the mean ([-\d.,]+); (\d+%) of the spread\)",
        r"（\1，低于平均值 \2，占离散程度的 \3）",
    ),
    (r"above the mean", "高于平均值"),
    (r"below the mean", "低于平均值"),
    (r"of the spread", "的离散"),
    (r"(\d+) every year", r"\1，每年"),
)


def _q(name: str) -> str:
    """A text as messages quote it (Python's repr: ``'…'``, or ``"…"`` when it holds a
    ``'``), its inside the named group ``name``."""
    return rf"(?P<{name}_q>['\"])(?P<{name}>.*?)(?P={name}_q)"


def _col(name: str) -> str:
    """``column 'X'``, or ``列“X”`` where the problem's own column was put into Chinese
    first (:func:`lzplan.report_problems.render_text`): X in ``name`` or ``name_zh``."""
    return rf"(?:column '(?P<{name}>[^']*)'|列“(?P<{name}_zh>[^”]*)”)"


#: A header's column roles (``columns 'a' and 'b' both give the year``).
_ROLES = {
    "entity": "学校（主体）",
    "code": "学校标识码",
    "year": "年份",
    "note": "备注",
    "source": "数据来源",
    "indicator": "指标",
    "indicator_name": "指标名称",
    "value": "数值",
    "unit": "单位",
}
#: Where a sheet's year is read (``the file name says 2024``).
_YEAR_PLACES = {"file name": "文件名", "sheet name": "工作表名", "title": "标题"}
#: What kind of figure a plausible range is about.
_NOUNS = {"count": "数量", "percentage": "百分比", "amount": "金额", "value": "数值"}
#: What a derived figure computes (``'x' is a flag; a ratio needs numbers``).
_NEEDS = {"ratio": "比率", "total": "合计", "stage part": "学段分项", "sum": "求和"}
#: The system's reasons (strerror) a file cannot be read or written.
_REASONS = {
    "No such file or directory": "文件或文件夹不存在",
    "Permission denied": "没有访问权限",
    "Is a directory": "这是文件夹",
    "Not a directory": "路径中有一项不是文件夹",
    "Too many levels of symbolic links": "符号链接层数过多",
    "No space left on device": "磁盘空间不足",
    "Disk quota exceeded": "超出磁盘配额",
    "Read-only file system": "文件系统是只读的",
    "File name too long": "文件名过长",
    "Input/output error": "读写出错（I/O 错误）",
    "Device or resource busy": "文件正被占用",
    "Operation not permitted": "不允许此操作",
}

#: Phrases of the messages about input (validate's problems, and a plan's), in Chinese one
#: by one, in order (longer, more specific ones first); file names, column names, indicator
#: ids, values and what the user must type stay as written. What the libraries say (YAML's
#: parser, the csv module, an exception's class) stays in English.
#: What a phrase becomes: a template (``\1`` for its groups), or a function of the match
#: where the Chinese needs more than its groups (a list joined by 、).
Replacement: TypeAlias = "str | Callable[[re.Match[str]], str]"

INPUT_PHRASES: tuple[tuple[str, Replacement], ...] = (
    (r"the bundled roster, ", "内置名单 "),
    # --- a school's code against the roster (before "… is not in the roster")
    (
        rf"code {_q('code')} is {_q('name')} in the roster \((?P<roster>[^)]*)\), but the name "
        rf"says {_q('said')}: correct one of them",
        r"学校标识码“\g<code>”在名单（\g<roster>）中是“\g<name>”，但名称写的是“\g<said>”："
        r"请更正其中之一",
    ),
    (
        rf"code {_q('code')} is not in the roster \((?P<roster>[^)]*)\), which has {_q('name')}",
        r"学校标识码“\g<code>”不在名单（\g<roster>）中，而名单中有“\g<name>”",
    ),
    (
        rf"code {_q('code')} is {_q('name')} in the roster \((?P<roster>[^)]*)\), not "
        rf"{_q('said')}",
        r"学校标识码“\g<code>”在名单（\g<roster>）中是“\g<name>”，不是“\g<said>”",
    ),
    (
        rf"code {_q('code')} is not in the roster \((?P<roster>[^)]*)\): name the school or "
        r"add it to the roster",
        r"学校标识码“\g<code>”不在名单（\g<roster>）中：请填写学校名称，或把它加入名单",
    ),
    (
        rf"code {_q('code')} was shortened by Excel: format the column as text and type the "
        r"codes again",
        r"学校标识码“\g<code>”被 Excel 改成了科学计数法：请把该列设为文本格式，再重新输入标识码",
    ),
    # --- the common messages
    (
        r"'([^']*)' is not in the roster \(([^)]*), which lists only some\)",
        r"“\1”不在名单（\2，名单不全）中",
    ),
    (r"'([^']*)' is not in the roster \(([^)]*)\)", r"“\1”不在名单（\2）中"),
    (r"; did you mean '([^']*)'\?", r"；是否为“\1”？"),
    (r"unknown column '([^']*)'", r"未知的列“\1”"),
    (
        r": rename it, or delete it \(to keep what it says, head it 备注\)",
        "：请改名或删除（要保留其内容，请将列名改为“备注”）",
    ),
    (r"accepted columns: ", "可用的列："),
    (
        r"is not a plausible percentage for (\S+) \(expected ([^)]*)\)",
        r"不是 \1 的合理百分比（应为 \2）",
    ),
    (r"is not a plausible count for (\S+) \(expected ([^)]*)\)", r"不是 \1 的合理数量（应为 \2）"),
    (r"is not a plausible (\S+) for (\S+) \(expected ([^)]*)\)", r"不是 \2 的合理数值（应为 \3）"),
    (r"write ([^,;]+), or give the unit '([^']*)'", r"请填写 \1，或注明单位“\2”"),
    (r"; a fraction\? did you mean ([^?]+)\? ", r"；是小数形式吗？是否应为 \1？"),
    (r"expected a number with a decimal point, found '([^']*)'", r"应为带小数点的数字，实为“\1”"),
    (r"; did you mean ([^ ]+) or ([^ ?]+)\?", r"；是否应为 \1 或 \2？"),
    (r"has a header but no rows of data", "有表头但没有数据行"),
    (r"no header row: expected", "没有表头行：应有"),
    (r"cannot read the file: ", "无法读取文件："),
    (r"closed after (\d{4})", r"已于 \1 年后撤并"),
    (r"opens in (\d{4})", r"于 \1 年开办"),
    (r"skipped: an instructions sheet", "已跳过：填表说明表"),
    (
        r"skipped: a roster, not data; give it with --roster to have it used",
        "已跳过：这是名单而非数据；请用 --roster 指定",
    ),
    (
        r"not used: (.*), indicators of the bundled plan (\S+)",
        r"未使用：\1（属于内置规划 \2 的指标）",
    ),
    (
        r"the header spans rows (\d+) and (\d+): '([^']*)' is in row \d+, the indicator names "
        r"in row \d+; put them in one row \(unmerge the cells and write '[^']*' in row \d+ too\)",
        r"表头占了第 \1、\2 两行：“\3”在第 \1 行，指标名称在第 \2 行；请把表头放在同一行"
        r"（取消合并单元格，并在第 \2 行也写上“\3”）",
    ),
    (r"conflict: ", "数据冲突："),
    (r"… and (\d+) more problem\(s\) not listed", r"……另有 \1 个问题未列出"),
    (r"… and (\d+) more warning\(s\) not listed", r"……另有 \1 条警告未列出"),
    # --- reading a file: its size, kind, encoding, sheets
    (r"is ([\d.]+) MB; CSV files may be up to (\d+) MB", r"大小为 \1 MB；CSV 文件最大为 \2 MB"),
    (r"is ([\d.]+) MB; workbooks may be up to (\d+) MB", r"大小为 \1 MB；Excel 工作簿最大为 \2 MB"),
    (r"is a directory, not a data file", "是文件夹，不是数据文件"),
    (r"is a directory, not a plan file", "是文件夹，不是规划文件"),
    (r"is not a regular file", "不是普通文件"),
    (r"cannot read the plan file: ", "无法读取规划文件："),
    (r"cannot read the explanations: ", "无法读取情况说明文件："),
    (r"cannot write the file: there is no folder (.+)$", r"无法写入文件：文件夹 \1 不存在"),
    (r"cannot write the file: ", "无法写入文件："),
    *((rf"(?<=文件：){english}", chinese) for english, chinese in _REASONS.items()),
    (
        r"is an old \.xls workbook: save it as \.xlsx or CSV",
        "是旧版 .xls 工作簿：请另存为 .xlsx 或 CSV",
    ),
    (r"--sheet applies to Excel workbooks only", "--sheet 只适用于 Excel 工作簿"),
    (r"is a binary file, not CSV text", "是二进制文件，不是 CSV 文本"),
    (
        r"is neither UTF-8 nor GBK/GB18030 text \(byte (\d+)\): pass --encoding",
        r"既不是 UTF-8 也不是 GBK/GB18030 编码的文本（字节位置 \1）：请用 --encoding 指定编码",
    ),
    (rf"unknown encoding {_q('encoding')}", r"未知的编码“\g<encoding>”"),
    (r"is not (\S+) text \(byte (\d+)\)", r"不是 \1 编码的文本（字节位置 \2）"),
    (r"is not (\S+) text \((.*)\)$", r"不是 \1 编码的文本（\2）"),
    (r"not UTF-8 text \(byte (\d+)\)", r"不是 UTF-8 编码的文本（字节位置 \1）"),
    (r"is not readable CSV: ", "不是可读取的 CSV 文件："),
    (r"field larger than field limit \((\d+)\)", r"单元格内容超过长度上限（\1 个字符）"),
    (r"unexpected end of data", "数据意外结束"),
    (r"line contains NUL", "行中含有 NUL 字符"),
    (r"; is a quote \(\"\) left open\?", '；是否有引号（"）没有闭合？'),
    (r"reading Excel files needs openpyxl: ", "读取 Excel 文件需要 openpyxl："),
    (r"writing Excel files needs openpyxl: ", "写入 Excel 文件需要 openpyxl："),
    (
        r"a Word report needs python-docx and matplotlib: ",
        "生成 Word 报告需要 python-docx 和 matplotlib：",
    ),
    (r"is not a readable \.xlsx workbook \((\w+)\)", r"不是可读取的 .xlsx 工作簿（\1）"),
    (
        r"has a value beyond column (\d+): tables may be that wide at most",
        r"第 \1 列之后还有数值：表格最多只能有 \1 列",
    ),
    (rf"has no sheet {_q('sheet')}; it has ", r"没有名为“\g<sheet>”的工作表；现有工作表："),
    (rf"sheet {_q('sheet')} is a chart, not a table", r"工作表“\g<sheet>”是图表，不是数据表"),
    (r"has no visible worksheet", "没有可见的工作表"),
    (r"has more than ([\d,]+) rows", r"超过 \1 行"),
    (r"has no sheet with a table of data \((.*)\)$", r"没有含数据表的工作表（\1）"),
    (r"has no sheet with a table of data \(", "没有含数据表的工作表（"),
    (
        r"is a folder with no data files \(\.csv, \.xlsx, \.xlsm\) inside",
        "是文件夹，但其中没有数据文件（.csv、.xlsx、.xlsm）",
    ),
    (r"skipped: an lzplan result file, not data", "已跳过：这是 lzplan 的结果文件，不是数据"),
    (
        r"skipped: save it as \.csv or \.xlsx to have it read",
        "已跳过：请另存为 .csv 或 .xlsx 才能读取",
    ),
    (r"skipped: ", "已跳过："),
    (r"standard input can be read only once", "标准输入只能读取一次"),
    # --- the header
    (r" \(row (\d+) was taken for the header\)", r"（已将第 \1 行作为表头）"),
    (r"unknown 列“([^”]*)”", r"未知的列“\1”"),
    (r"; ignored: ", "；不读取的列："),
    (r"; and indicator ids or Chinese names as headers", "；以及以指标代码或中文名称为表头的列"),
    (
        r"没有表头行：应有 a row with 指标 and 数值 \(indicator, value\), or with 学校名称 "
        r"\(entity\) and indicator names as columns, in one row",
        "没有表头行：应有一行同时含“指标”和“数值”（indicator, value），或含“学校名称”（entity）"
        "并以指标名称为列名",
    ),
    (r", in the first (\d+) rows", r"（在前 \1 行中查找）"),
    (
        r"; row (\d+) was the likeliest, with (.+?)(?=; its other cells|$)",
        r"；最接近的是第 \1 行，其中有 \2",
    ),
    (r"; its other cells \((.*)\) name no indicator", r"；其余单元格（\1）都不是指标名称"),
    (
        r"row (\d+) has indicator columns \((.*)\) but no school or town column: head it "
        r"学校名称 \(or 乡镇, 学校标识码, entity\)",
        r"第 \1 行有指标列（\2），但没有学校或乡镇列：请把学校或乡镇名称所在列的表头写为"
        r"“学校名称”（或“乡镇”“学校标识码”“entity”）",
    ),
    (
        r"missing required column: value \(数值\), or a year such as 2024年 over the values",
        "缺少必需的列：数值（value），或在数值上方写明年份（如 2024年）",
    ),
    (r"is empty: expected a header row", "是空的：应有表头行"),
    (
        rf"{_col('c')} names an indicator, but the table has a 指标 column",
        r"列“\g<c>\g<c_zh>”是指标名称，但本表已有“指标”列",
    ),
    (
        rf"{_col('c')}: (?P<id>\S+) is a district total, not given per school or town: give it "
        r"in a long table \(指标, 数值\)",
        r"列“\g<c>\g<c_zh>”：\g<id> 是全区总数，不按学校或乡镇填报：请在长表（指标, 数值）中填写",
    ),
    (
        rf"{_col('c')} does not belong in a table with one row per entity",
        r"列“\g<c>\g<c_zh>”不应出现在每行一个学校（主体）的表中",
    ),
    (rf"{_col('c')} appears twice: keep one", r"列“\g<c>\g<c_zh>”出现了两次：请只保留一个"),
    *(
        (
            rf"columns {_q('a')} and {_q('b')} both give the {role}\b",
            rf"列“\g<a>”和“\g<b>”都是{chinese}列",
        )
        for role, chinese in _ROLES.items()
    ),
    (r"\bunit '([^']*)' does not convert to '([^']*)'", r"单位“\1”无法换算为“\2”"),
    (r"(无法换算为“[^”]*”): write the figure in (\S+)", r"\1：请以 \2 为单位填写"),
    (r"(无法换算为“[^”]*”): write （([^）]*)） or leave the unit out", r"\1：请写（\2）或不写单位"),
    (r"(无法换算为“[^”]*”): write % or fraction", r"\1：请写 % 或 fraction"),
    (r"\bcolumn '([^']*)': ", r"列“\1”："),
    # --- the rows: indicators, entities, cells
    (rf"unknown indicator {_q('name')}", r"未知的指标“\g<name>”"),
    (r"\bempty indicator\b", "指标为空"),
    (
        rf"(?P<id>\S+) \((?P<zh>[^)]*)\) does not match the name {_q('name')}: correct the code "
        r"or the name",
        r"\g<id>（\g<zh>）与名称“\g<name>”不符：请更正指标代码或名称",
    ),
    (
        r"(\S+) is given per school \(学校\): name the school \(学校\) in this row",
        r"\1 按学校分别填报：请在本行填写学校名称",
    ),
    (
        r"(\S+) is given per town \(乡镇\): name the town \(乡镇\) in this row",
        r"\1 按乡镇分别填报：请在本行填写乡镇名称",
    ),
    (
        r"(\S+) is given per item \(项目\): name the item \(项目\) in this row",
        r"\1 按项目分别填报：请在本行填写项目名称",
    ),
    (
        r"(\S+) is given per entity: name the entity in this row",
        r"\1 按学校、乡镇或项目分别填报：请在本行填写其名称",
    ),
    (
        r"(\S+) is given per (\S+): name the \2 in this row",
        r"\1 按 \2 分别填报：请在本行填写 \2 的名称",
    ),
    (r"; add a 学校名称 \(entity\) column", "；并添加“学校名称”（entity）列"),
    (r"(\S+) is a district total: leave (.+?) empty", r"\1 是全区总数：“\2”列请留空"),
    (
        r"no entity: name the school, town or item",
        "缺少单位名称：请填写学校（幼儿园）、乡镇或项目的名称",
    ),
    (
        r"done on (\S+), after (\d{4}), the year this row describes",
        r"完成日期 \1 晚于本行所属的 \2 年",
    ),
    (
        r"has (\d+) cells but the header has (\d+) columns: column (\d+) holds (.+?) under no "
        r"header; delete it or give its column a header( \(in a CSV, a name with a comma must "
        r"be in quotes\))?",
        lambda m: (
            f"有 {m[1]} 个单元格，但表头只有 {m[2]} 列：第 {m[3]} 列的 {m[4]} 没有表头；"
            "请删除它，或为该列加上表头"
            + ("（CSV 文件中含逗号的名称须加英文引号）" if m[5] else "")
        ),
    ),
    (r"has (\d+) cells but the header has (\d+) columns", r"有 \1 个单元格，但表头只有 \2 列"),
    (r"has a value in column (\d+), which has no header", r"第 \1 列有数值，但该列没有表头"),
    (
        r"is named (\.\w+), but --format is (\S+): add --format (\S+), or name the file for (\S+)",
        r"文件名以 \1 结尾，但 --format 为 \2：请加 --format \3，或把文件名改为 \4 格式的",
    ),
    (
        r"is named (\.\w+), but --format is (\S+): name the file for (\S+) \(lzplan report "
        r"writes the HTML and Word reports\)",
        r"文件名以 \1 结尾，但 --format 为 \2：请把文件名改为 \3 格式的（HTML 和 Word 报告请用 "
        r"lzplan report）",
    ),
    (
        r"is named (\.\w+), but --format is (\S+): name the file for (\S+)",
        r"文件名以 \1 结尾，但 --format 为 \2：请把文件名改为 \3 格式的",
    ),
    (
        r"has a value in column (\d+), beyond the header: remove it or name it",
        r"第 \1 列有数值，但超出了表头范围：请删除，或为该列加上表头",
    ),
    (
        r"has a value in column (\d+), under no header: remove it or name it",
        r"第 \1 列有数值，但该列没有表头：请删除，或为该列加上表头",
    ),
    (
        rf"{_q('name')} is not named by the plan for (?P<id>[^\s；;]+)",
        r"“\g<name>”不在规划为 \g<id> 列出的名称中",
    ),
    (
        r"'([^']*)' (已于 \d{4} 年后撤并|于 \d{4} 年开办) \(roster ([^)]*)\): its (\d{4}) "
        r"figures are not counted in the rules over its kind; check the year, or the roster's "
        r"from/to \(起始/终止年份\)",
        r"“\1”\2（名单：\3）：其 \4 年的数据不计入按学校类型统计的规则；请核对年份，"
        r"或名单中的起始/终止年份（from/to）",
    ),
    (
        rf"{_q('cell')} is written in (?P<written>.+?) but the unit column says {_q('unit')}: "
        r"make them agree \(or clear the unit cell to use the one in the figure\)",
        r"“\g<cell>”写的单位是 \g<written>，但单位列为“\g<unit>”：请使两者一致"
        r"（或清空单位列，以数值中写的单位为准）",
    ),
    (
        rf"{_q('cell')} is a percentage but (?P<id>\S+) is in (?P<unit>\S+)",
        r"“\g<cell>”是百分比，但 \g<id> 的单位是 \g<unit>",
    ),
    (
        r" \(the unit (\S+) is the table's 单位 line: write this figure's own unit\)",
        r"（单位 \1 来自表格上方的“单位”行：请写明此数自己的单位）",
    ),
    (
        rf"expected a number, found a formula, {_q('cell')}, without a saved value: save the "
        r"file in Excel",
        r"应为数字，实为没有保存计算结果的公式“\g<cell>”：请在 Excel 中打开并保存该文件",
    ),
    (rf"expected a number, found the date {_q('cell')}", r"应为数字，实为日期“\g<cell>”"),
    (rf"expected a finite number, found {_q('cell')}", r"应为有限的数字，实为“\g<cell>”"),
    (rf"expected a number, found {_q('cell')}", r"应为数字，实为“\g<cell>”"),
    (
        rf"expected yes/no \(是/否\) or the date it was done, found {_q('cell')}",
        r"应为 是/否（yes/no）或完成日期，实为“\g<cell>”",
    ),
    (
        r"(\S+) is not a fraction \(0 to 1\): write its unit as %",
        r"\1 不是 0 到 1 之间的小数：请把单位写成 %",
    ),
    # --- a figure outside its plausible range
    (r"（应为 a whole number", "（应为整数"),
    (r"（应为 (-?[\d,.]+) or more", r"（应为 \1 及以上"),
    (r"（应为 (-?[\d,.]+) to (-?[\d,.]+)", r"（应为 \1 至 \2"),
    (r"(（应为[^）]*), found ([^）]*)）", r"\1，实为 \2）"),
    *(
        (
            rf"; an? {noun} cannot be negative \(a change from last year\?\)",
            f"；{chinese}不能为负数（是否误填了与上年相比的变化量？）",
        )
        for noun, chinese in _NOUNS.items()
    ),
    (
        r"; write the figure itself: ([\d,.]+), if the sign is a slip",
        r"；如果负号是误填，请填写 \1",
    ),
    (r"; write the figure itself", "；请填写数值本身"),
    (
        r"; in (\S+)\? did you mean (.+?)\? give the unit \1, or write (\S+)",
        r"；单位是 \1 吗？是否应为 \2？请注明单位 \1，或填写 \3",
    ),
    (
        r"; minutes\? did you mean (.+?)\? write (\S+) \(hours\)",
        r"；是按分钟填写的吗？是否应为 \1？请填写 \2（以小时计）",
    ),
    (
        r"; did you mean (\S+)\? if the cell is formatted as a percentage, format it as a number "
        r"\(or type (\S+)\); else write (\S+)",
        r"；是否应为 \1？如果单元格设成了百分比格式，请改为数值格式（或输入 \2）；否则请填写 \3",
    ),
    (
        r"; a misplaced decimal point\? did you mean (\S+)\? write (\S+)",
        r"；小数点位置错了吗？是否应为 \1？请填写 \2",
    ),
    (r"？write ([^\s,;，；（(]+)", r"？请填写 \1"),
    (
        r"; a share cannot be more than 100 %; check the figure and the total it is a share of",
        "；比例不能超过 100%；请核对该数值及其所占的总数",
    ),
    (
        r"; a count of whole (\S+) cannot be (\S+); check the figure",
        r"；以“\1”计的数量必须是整数，不能是 \2；请核对该数值",
    ),
    (
        r"; check the figure; if there is none, leave the value empty or write —",
        "；请核对该数值；如果没有，请留空或填写 —",
    ),
    (
        r"; check the figure; if it really is right, ask whoever keeps the plan to widen its "
        r"plausible range for (\S+)",
        r"；请核对该数值；如确认无误，请告知规划维护人员放宽 \1 的合理范围",
    ),
    # --- the year
    (
        r"no year: add a year column \(年份\), write the year over the values \(2024年\), put it "
        r"in the file name \(2024年统计\.xlsx\) or pass --year",
        "缺少年份：请添加年份列（年份）、在数值上方写明年份（2024年）、在文件名中写明年份"
        "（2024年统计.xlsx），或使用 --year 指定",
    ),
    *(
        (rf"\bthe {english} (?=says \d{{4}}|names the school year)", chinese)
        for english, chinese in _YEAR_PLACES.items()
    ),
    (r"\bthe header '([^']*)' (?=says \d{4}|names the school year)", r"表头“\1”"),
    (r"(?<=[名题”])says (\d{4}) but (?=\S)", r"写的是 \1 年，但"),
    (r"(?<=[名题”])says (\d{4}): make them agree", r"写的是 \1 年：请使两者一致"),
    (
        r"(?<=[名题”])names the school year (\S+), not a year: add a year column \(年份\) or "
        r"pass --year",
        r"写的是学年 \1，而不是年份：请添加年份列（年份）或使用 --year 指定",
    ),
    *(
        (
            rf"year (\d{{4}}) contradicts the {english}, which says (\d{{4}})",
            rf"年份 \1 与{chinese}中的 \2 年不一致",
        )
        for english, chinese in _YEAR_PLACES.items()
    ),
    (
        r"year (\d{4}) contradicts the header '([^']*)', which says (\d{4})",
        r"年份 \1 与表头“\2”中的 \3 年不一致",
    ),
    (
        r"empty: every row of a file with a year column needs one",
        "年份为空：文件有年份列时，每行都要填写年份",
    ),
    (
        rf"expected a year such as (\d{{4}}), found {_q('year')}; leave it empty if open",
        r"应为年份（如 \1），实为“\g<year>”；如果没有，请留空",
    ),
    (
        rf"expected a year such as (\d{{4}}), found {_q('year')}",
        r"应为年份（如 \1），实为“\g<year>”",
    ),
    (
        r"has no rows for --year (\d+) \(it has ([^)]*)\)",
        r"没有 --year \1 所指年份的数据行（文件中的年份：\2）",
    ),
    (
        r"gives none of this plan's figures, only those of the bundled plans ([^:]+): check "
        r"them with (--plan \S+(?: or --plan \S+)*)"
        r"( \(both sets of national criteria at once: lzplan readiness\))?",
        lambda m: (
            f"没有本规划的数据，只有内置规划 {m[1].replace(', ', '、')} 的数据："
            f"请用 {m[2].replace(' or ', ' 或 ')} 检查"
            + ("（两套国家认定标准可用 lzplan readiness 一并检查）" if m[3] else "")
        ),
    ),
    (
        r"has no rows and no year: name it YYYY\.csv or pass --year",
        "没有数据行，也没有年份：请把文件命名为 YYYY.csv（如 2024.csv），或使用 --year 指定",
    ),
    (r"no year with data: give --year", "没有任何年份的数据：请用 --year 指定年份"),
    (
        r"(\d{4}) is before the plan's base year (\d{4}): name a later year",
        r"\1 年早于规划的基期年份 \2 年：请指定更晚的年份",
    ),
    # --- totals rows, files and rows that disagree
    (
        r"the (\S+) row gives (\S+) for (\S+) but the (\d+) row\(s\) it totals sum to (\S+): "
        r"correct the figures or the \1 row",
        r"“\1”行的 \3 为 \2，但它合计的 \4 行之和为 \5：请更正各行数值或“\1”行",
    ),
    (
        r"the (\S+) row gives (\S+) for (\S+) but the (\d+) row\(s\) with a value sum to (\S+) "
        r"and (\d+) row\(s\) are blank: write 0 where a blank means none, and check the figures "
        r"and the \1 row",
        r"“\1”行的 \3 为 \2，但有数值的 \4 行之和为 \5，另有 \6 行为空：空白如表示没有，请填 0；"
        r"并请核对各行数值和“\1”行",
    ),
    (
        r"数据冲突：([^,\s]+), (\d{4}), (.+?) is (.+?) at (.+?) but (.+?) here: keep one of them",
        r"数据冲突：\3 \2 年的 \1 在 \5 为 \4，此处却为 \6：请只保留其中一个",
    ),
    (
        r"数据冲突：([^,\s]+), (\d{4}) is (.+?) at (.+?) but (.+?) here: keep one of them",
        r"数据冲突：\2 年的 \1 在 \4 为 \3，此处却为 \5：请只保留其中一个",
    ),
    (r"为 no value(?=，此处却为|：请只保留)", "为空"),
    (r"为 yes(?=，此处却为|：请只保留)", "为“是”"),
    (r"为 no(?=，此处却为|：请只保留)", "为“否”"),
    (
        r"(.+) and (.+?) both give the same year: keep one of them",
        r"\1 和 \2 是同一年份的数据：请只保留其中一个",
    ),
    (
        r" \(read for the years before (\d{4}) of (.+)\)$",
        r"（读取 \2 在 \1 年以前各年份的数据时发现）",
    ),
    # --- figures computed from others
    (
        r"(\S+) for (\d{4}) sums the (\d+) entities the data reports; give --roster to check "
        r"that no (\S+) is missing",
        r"\1 的 \2 年数据按数据中报送的 \3 个学校（主体）求和；请用 --roster 指定名单，"
        r"以核查有无遗漏的\4",
    ),
    (r"(\S+) for (\d{4}) is not summed: ", r"\1 的 \2 年数据未求和："),
    (r"未求和：(\d+) without (\S+): ", r"未求和：\1 个学校缺少 \2："),
    (r"a roster must say which entities are (\S+)", r"需要名单注明哪些学校是\1"),
    (
        r"the roster does not know (.+?), so it cannot tell whom to count",
        r"名单中没有 \1，无法确定应统计哪些学校",
    ),
    (r"the roster does not give the ownership of (.+?)$", r"名单没有注明以下学校的办学性质：\1"),
    (r"(?<=\S) and (\d+) more(?! (?:problem|warning))", r"（另有 \1 个）"),
    (
        r"(\S+) for (\d{4}) is given as (\S+), but Σ (\S+) over (\S+) over (\d+) entities = "
        r"(\S+): the entities' figures are used; check which one is mistyped",
        r"\1 的 \2 年数据填报为 \3，但 \6 个\5的 \4 之和为 \7：已采用各学校的数据；"
        r"请核对哪个数填错了",
    ),
    (
        r"(\S+) for (\d{4}) is given as (\S+), but Σ (\S+) over (\d+) entities = (\S+): the "
        r"entities' figures are used; check which one is mistyped",
        r"\1 的 \2 年数据填报为 \3，但 \5 个学校（主体）的 \4 之和为 \6：已采用各学校的数据；"
        r"请核对哪个数填错了",
    ),
    (
        r"(\S+) for (.+?) in (\d{4}) is given as (\S+), but (.+?) = (\S+): the counts are used; "
        r"check which one is mistyped",
        r"\2 \3 年的 \1 填报为 \4，但 \5 = \6：已采用由这两个数算出的值；请核对哪个数填错了",
    ),
    (
        r"(\S+) for (\d{4}) is given as (\S+), but (.+?) = (\S+): the counts are used; check "
        r"which one is mistyped",
        r"\2 年的 \1 填报为 \3，但 \4 = \5：已采用由这两个数算出的值；请核对哪个数填错了",
    ),
    (
        r"(\S+) is 0 for (.+?) in (\d{4}), so no ratio over \1 can be computed for it: give the "
        r"right count, or leave it out",
        r"\2 \3 年的 \1 为 0，无法计算以 \1 为分母的比率：请填写正确的数，或不填",
    ),
    (
        r"(\S+) is 0 for (\d{4}), so no ratio over \1 can be computed for it: give the right "
        r"count, or leave it out",
        r"\2 年的 \1 为 0，无法计算以 \1 为分母的比率：请填写正确的数，或不填",
    ),
    (
        r"(\S+) for (.+?) in (\d{4}) would be (.+?) = (\S+), not plausible \(expected ([^)]*)\): "
        r"check the two counts for a typing mistake",
        r"\2 \3 年的 \1 按 \4 算得 \5，不合理（应为 \6）：请检查这两个数是否填错",
    ),
    (
        r"(\S+) for (\d{4}) would be (.+?) = (\S+), not plausible \(expected ([^)]*)\): check "
        r"the two counts for a typing mistake",
        r"\2 年的 \1 按 \3 算得 \4，不合理（应为 \5）：请检查这两个数是否填错",
    ),
    (
        r"(\S+) is given as (\S+), but (.+?) = (\S+): the parts are used; check which one is "
        r"mistyped",
        r"\1 填报为 \2，但 \3 = \4：已采用各分项之和；请核对哪个数填错了",
    ),
    (
        r"(.+?) gives figures for (\d{4}) but no pupils of any stage \(([^)]*)\): it is in no "
        r"stage's figures; give its pupils",
        r"\1 填报了 \2 年的数据，但没有任何学段的学生数（\3）：其数据不会计入任何学段；"
        r"请填报其学生数",
    ),
    (
        r"(.+?) teaches (\S+) \(a (\S*) in the roster\) but gives no (\S+) for (\d{4}): its "
        r"shared figures are split without that stage; give its pupils",
        r"\1 设有\2学段（名单中为\3），但没有填报 \5 年的 \4："
        r"其各学段共用的数据拆分时将不含该学段；请填报该学段的学生数",
    ),
    (
        r"(.+?) teaches only (\S+) but gives (\S+) (\S+) and (\S+) (\S+) for (\d{4}): \5 is used; "
        r"check which one is mistyped",
        r"\1 只有\2学段，但 \7 年同时填报了 \3（\4）和 \5（\6）：已采用 \5；请核对哪个数填错了",
    ),
    # --- a roster file
    (
        r"has (\d+) sheets \((.*)\): a roster is one table; keep one",
        r"有 \1 个工作表（\2）：名单只能是一张表；请只保留一个",
    ),
    (
        r"has a header but no rows: list the entities below it",
        "有表头但没有数据行：请在表头下方逐行列出学校、乡镇等",
    ),
    (
        r"expected '# complete: yes' or '# complete: no' \(#完整: 是/否\), found " + _q("line"),
        r"应为“# complete: yes”或“# complete: no”（#完整: 是/否），实为“\g<line>”",
    ),
    (
        r"missing required column\(s\): (.+); add them to the header",
        r"缺少必需的列：\1；请在表头中添加",
    ),
    (
        r"the last year \((\d+)\) is before the first \((\d+)\): swap them or fix one",
        r"终止年份（\1）早于起始年份（\2）：请对调或更正其中之一",
    ),
    (r"empty: every row needs the entity's name", "名称为空：每行都要填写学校或乡镇的名称"),
    (
        rf"alias {_q('alias')} starts with {_q('c')}, which spreadsheets run as a formula: "
        r"write it without it",
        r"别名“\g<alias>”以“\g<c>”开头，电子表格会把它当作公式：请去掉开头的“\g<c>”",
    ),
    (
        rf"{_q('name')} starts with {_q('c')}, which spreadsheets run as a formula: write the "
        r"name without it",
        r"“\g<name>”以“\g<c>”开头，电子表格会把它当作公式：请去掉开头的“\g<c>”",
    ),
    (
        rf"expected the code as digits, found {_q('code')}, which Excel shortened: format the "
        r"column as text and type it again",
        r"学校标识码应为数字，实为被 Excel 改成科学计数法的“\g<code>”：请把该列设为文本格式，"
        r"再重新输入",
    ),
    (
        rf"expected a code of digits or letters \(学校标识码\), found {_q('code')}",
        r"学校标识码应由数字或字母组成，实为“\g<code>”",
    ),
    (r"empty: expected one of ", "为空：应为以下之一："),
    (rf"unknown roster kind {_q('kind')}", r"未知的名单类型“\g<kind>”"),
    (rf"unknown kinds? {_q('kind')}", r"未知的类型“\g<kind>”"),
    (rf"unknown ownership {_q('ownership')}", r"未知的办学性质“\g<ownership>”"),
    (rf"{_q('town')} is not a 镇 or 街道 of this roster", r"“\g<town>”不是本名单中的镇或街道"),
    (
        rf"{_q('text')} already identifies {_q('other')} \(row (?P<row>\d+)\); a name, alias or "
        r"code may identify one entity only: rename one or drop the alias",
        r"“\g<text>”已用于标识“\g<other>”（第 \g<row> 行）；一个名称、别名或标识码只能对应一个"
        r"学校或乡镇：请改掉其中一个，或删去该别名",
    ),
    (r"; expected one of ", "；应为以下之一："),
    # --- a plan file
    (r"the plan file is empty", "规划文件是空的"),
    (r"not valid YAML: ", "不是有效的 YAML："),
    (
        r"YAML anchors and aliases are not allowed \(this anchored value is reused\)",
        "不允许使用 YAML 锚点和别名（这个带锚点的值被重复引用了）",
    ),
    (r"nested deeper than (\d+) levels", r"嵌套超过 \1 层"),
    (rf"duplicate key {_q('key')}", r"重复的键“\g<key>”"),
    (
        r"is neither a plan file nor a bundled plan \((.*); lzplan plans lists them\)",
        r"既不是规划文件，也不是内置规划（\1；lzplan plans 可列出全部内置规划）",
    ),
    (
        r"expected a mapping of plan fields at the top",
        "文件顶层应为规划各字段的映射（字段名: 值）",
    ),
    (
        r"extends names a plan: a bundled plan's name or a file beside this one",
        "extends 应指定一个规划：内置规划的名称，或与本文件在同一文件夹中的文件",
    ),
    (
        r"plans extend each other more than (\d+) deep \(one extends itself\?\)",
        r"规划之间的 extends 嵌套超过 \1 层（是否有规划引用了自身？）",
    ),
    (rf"missing required field {_q('field')}", r"缺少必需的字段“\g<field>”"),
    (r"\bmissing field\b", "缺少字段"),
    (r"\bunknown field\b", "未知的字段"),
    (rf"unknown rule kind {_q('kind')}", r"未知的规则类型“\g<kind>”"),
    (rf"duplicate id {_q('id')}", r"重复的 id“\g<id>”"),
    (r"a plan needs at least one of its (\w+)", r"规划的 \1 至少要有一项"),
    (r"the period ends before it starts", "规划期的结束年份早于起始年份"),
    (rf"unknown section {_q('section')}", r"未知的领域“\g<section>”"),
    (r"; known: ", "；可选："),
    (r"the baseline is not before the deadline", "基期年份不早于截止年份"),
    (
        rf"unknown criteria plan {_q('plan')}; bundled: ",
        r"未知的认定标准规划“\g<plan>”；内置的有：",
    ),
    (
        rf"a rule of kind {_q('kind')} needs a number indicator; {_q('id')} is a flag",
        r"“\g<kind>”类规则需要数值型指标；“\g<id>”是是否型指标",
    ),
    (
        rf"a rule of kind {_q('kind')} needs a flag indicator; {_q('id')} is a number",
        r"“\g<kind>”类规则需要是否型指标；“\g<id>”是数值型指标",
    ),
    (
        rf"a rule of kind {_q('kind')} needs a per-entity indicator \(per_entity: true\); "
        rf"{_q('id')} is district-level",
        r"“\g<kind>”类规则需要按学校（主体）填报的指标（per_entity: true）；“\g<id>”是全区指标",
    ),
    (
        rf"a rule of kind {_q('kind')} needs a district-level indicator \(per_entity: false\); "
        rf"{_q('id')} is per-entity",
        r"“\g<kind>”类规则需要全区指标（per_entity: false）；“\g<id>”是按学校（主体）填报的指标",
    ),
    (r"the range's low end is above its high end", "合理范围的下限高于上限"),
    (rf"{_q('name')} also names (?P<other>\S+)", r"“\g<name>”也是 \g<other> 的名称"),
    (rf"{_q('name')} is a column name, not an indicator", r"“\g<name>”是列名，不能用作指标名称"),
    (r"a total is a district figure: leave per_entity out", "合计是全区数据：请去掉 per_entity"),
    (
        rf"{_q('id')} must be per-entity, to be summed",
        r"“\g<id>”必须是按学校（主体）填报的指标，才能求和",
    ),
    (
        r"a stage part is a school's figure: set per_entity: true",
        "学段分项是学校的数据：请设置 per_entity: true",
    ),
    (
        rf"unknown stage {_q('stage')}; the plan's stages are ",
        r"未知的学段“\g<stage>”；规划中的学段为 ",
    ),
    (r"only a number indicator can be derived", "只有数值型指标才能由计算得出"),
    (r"computed from itself: ", "循环计算（由自身算出）："),
    (rf"stage {_q('stage')} is listed twice", r"学段“\g<stage>”重复列出"),
    (rf"{_q('name')} is listed twice", r"“\g<name>”重复列出"),
    (
        rf"{_q('id')} must be a per-entity number",
        r"“\g<id>”必须是按学校（主体）填报的数值型指标",
    ),
    *(
        (
            rf"{_q('id')} is a flag; a {english} needs numbers",
            rf"“\g<id>”是是否型指标；{chinese}需要数值型指标",
        )
        for english, chinese in _NEEDS.items()
    ),
    (
        rf"{_q('id')} must be per-entity, as {_q('other')} is",
        r"“\g<id>”必须与“\g<other>”一样按学校（主体）填报",
    ),
    (
        rf"{_q('id')} must be district-level, as {_q('other')} is",
        r"“\g<id>”必须与“\g<other>”一样是全区指标",
    ),
    (r"the scale must be above 0", "scale 必须大于 0"),
    (r"a ratio of a figure to itself is always 1", "一个数与自身之比总是 1"),
    (
        r"pupils are counted over the plan's stages: declare stages",
        "学生数按规划的学段统计：请声明 stages",
    ),
    (r"at least (\d+) of (\d+) criteria", r"要求至少 \1 项达标，但只有 \2 项标准"),
    (r"a criterion needs a direction: >=, >, <= or <", "每项标准都需要比较方向：>=、>、<= 或 <"),
    (r"a weight applies to a mean or a cv, not a (\w+)", r"权重只适用于 mean 或 cv，不适用于 \1"),
    (r"a value cannot weight itself", "指标不能以自身加权"),
    (r"\bduplicate item\b", "重复的事项"),
    # pydantic's words for a field of the wrong type
    (
        r"Input should be a valid integer, unable to parse string as an integer",
        "应为整数，无法把该文本读作整数",
    ),
    (
        r"Input should be a valid integer, got a number with a fractional part",
        "应为整数，不能带小数",
    ),
    (r"Input should be a valid integer", "应为整数"),
    (
        r"Input should be a valid number, unable to parse string as a number",
        "应为数字，无法把该文本读作数字",
    ),
    (r"Input should be a valid number", "应为数字"),
    (r"Input should be a finite number", "应为有限的数字"),
    (r"Input should be a valid string", "应为文本"),
    (
        r"Input should be a valid boolean, unable to interpret input",
        "应为 true 或 false，无法识别该值",
    ),
    (r"Input should be a valid boolean", "应为 true 或 false"),
    (r"Input should be a valid (?:tuple|list)", "应为列表"),
    (
        r"Input should be a valid dictionary or object to extract fields from",
        "应为字段映射（字段名: 值）",
    ),
    (
        r"Input should be a (?:valid )?dictionary(?: or an instance of \w+)?",
        "应为字段映射（字段名: 值）",
    ),
    (r"Input should be greater than or equal to (\S+)", r"应大于或等于 \1"),
    (r"Input should be greater than (\S+)", r"应大于 \1"),
    (r"Input should be less than or equal to (\S+)", r"应小于或等于 \1"),
    (r"Input should be less than (\S+)", r"应小于 \1"),
    (r"Input should be ('[^']*'(?:, '[^']*')*) or ('[^']*')", r"应为 \1 或 \2"),
    (r"Input should be ('[^']*')", r"应为 \1"),
    (
        r"(?:Tuple|List) should have at most (\d+) items? after validation, not (\d+)",
        r"最多应有 \1 项，实有 \2 项",
    ),
    (
        r"(?:Tuple|List) should have at least (\d+) items? after validation, not (\d+)",
        r"至少应有 \1 项，实有 \2 项",
    ),
    (r"String should have at least (\d+) characters?", r"至少应有 \1 个字符"),
    (
        rf"Unable to extract tag using discriminator {_q('tag')}",
        r"无法确定类型：缺少“\g<tag>”字段，或其值无效",
    ),
    (r"Extra inputs are not permitted", "未知的字段"),
    (r" \(found None\)$", "（实为空值）"),
    (r" \(found (.*)\)$", r"（实为 \1）"),
    # --- the command line: where a result goes, what it names
    (
        r"is one of the files this run reads: choose another --output",
        "是本次运行要读取的文件之一：请为 --output 另选文件",
    ),
    (
        r"is inside (.+), a folder being read: choose another --output",
        r"位于正在读取的文件夹 \1 中：请为 --output 另选文件",
    ),
    (r"is a folder: name a file for --output", "是文件夹：--output 请指定一个文件"),
    (r"exists: pass --force to replace it", "已存在：如要替换，请加 --force"),
    (
        r"a Word document needs --output FILE\.docx",
        "Word 文档需要用 --output FILE.docx 指定输出文件",
    ),
    (r"a workbook needs --output FILE\.(\w+)", r"工作簿需要用 --output FILE.\1 指定输出文件"),
    (
        r"a wide template has one row per school, town or item, and this plan has no per-school "
        r"or per-town figures: leave out --wide",
        "宽表模板每行是一个学校、乡镇或项目，而本规划没有按学校或乡镇填报的指标：请去掉 --wide",
    ),
    (
        r"a wide CSV holds one table, and this plan's per-entity figures need (\d+) \(schools, "
        r"towns, items\): use --format xlsx, which puts each on its own sheet, or leave out --wide",
        r"宽表 CSV 只能容纳一张表，而本规划按学校（主体）填报的指标需要 \1 张表"
        r"（学校、乡镇、项目）：请改用 --format xlsx（每张表各占一个工作表），或去掉 --wide",
    ),
    (r"(\S+): no explanation in the second column", r"\1：第二列没有说明"),
    (
        r"no such target in the plan: (\S+); use the ids lzplan targets lists",
        r"规划中没有这个目标：\1；请使用 lzplan targets 列出的目标代码",
    ),
    (
        r"(\S+) is explained twice \(line (\d+) too\): keep one",
        r"\1 有两条说明（第 \2 行也有）：请只保留一条",
    ),
)


def zh_input(text: str) -> str:
    """A message about input in Chinese, phrase by phrase (:data:`INPUT_PHRASES`); what no
    phrase covers stays in English."""
    for pattern, replacement in _input_patterns():
        text = pattern.sub(replacement, text)
    return text


@functools.cache
def _input_patterns() -> tuple[tuple[re.Pattern[str], Replacement], ...]:
    """:data:`INPUT_PHRASES` compiled once: more of them than ``re`` keeps compiled."""
    import re

    return tuple((re.compile(pattern), replacement) for pattern, replacement in INPUT_PHRASES)


def zh_detail(text: str) -> str:
    """A verdict's explanation in Chinese: a whole known text by :func:`zh_words`, else each
    known phrase of it (names of schools and indicators stay as they are)."""
    import re

    whole = zh_words(text)
    if whole != text:
        return whole
    for pattern, replacement in RULE_PHRASES:
        text = re.sub(pattern, replacement, text)
    # the parts of an English explanation are joined by "; ": in Chinese, by "；"
    return text.replace("; ", "；")


def zh_words(text: str) -> str:
    """The rules' English wording of ``text`` in Chinese (:data:`RULE_WORDS`), with a
    baseline's ``(from 98 in 2020)`` too; any other text as it is."""
    import re

    base = re.fullmatch(r"(?P<t>.*) \(from (?P<v>.+?) in (?P<y>\d{4})\)", text)
    if base is not None:
        return f"{zh_words(base['t'])}（{base['y']}年基数 {base['v']}）"
    for pattern, template in RULE_WORDS:
        found = re.fullmatch(pattern, text)
        if found is not None:
            fields = found.groupdict()
            if "when" in fields:
                when = fields["when"]
                fields["when"] = _WHEN.get(when) or f"{when.removeprefix('by ')}年底前"
            return template.format(**fields)
    return text


def say(key: str, lang: str, **fields: object) -> str:
    """The catalogue's text for ``key`` in ``lang``, with ``fields`` filled in."""
    english, chinese = CATALOGUE[key]
    text = chinese if lang == "zh" else english
    return text.format(**fields) if fields else text


def default_lang(env: Mapping[str, str] | None = None) -> str:
    """``zh`` when the locale is Chinese, else ``en``: the first of ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set decides (as gettext reads them); without any,
    on Windows, the user's interface language."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if sys.platform == "win32":
        return _windows_lang()
    return "en"


def _windows_lang() -> str:
    import ctypes

    try:
        language = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return "en"
    return "zh" if language & 0x3FF == 0x04 else "en"  # LANG_CHINESE, any region
