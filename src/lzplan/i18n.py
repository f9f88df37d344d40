"""The words of lzplan's reports in Chinese and English, from one catalogue.

``--lang`` chooses; without it the locale does (``LC_ALL``, ``LC_MESSAGES``, ``LANG``
starting ``zh``; on Windows the user's interface language). Only labels change: JSON and
CSV keep their machine values. Every key has both languages (a test checks it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

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
    # readiness
    "readiness.pass": ("would pass", "可以通过"),
    "readiness.fail": ("would NOT pass", "不能通过"),
    "readiness.missing": ("cannot tell: data missing", "数据不全，无法判断"),
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
    (r"about (?P<v>.+?) ± (?P<s>.+?) by (?P<y>\d{4})", "{y}年前约 {v} ± {s}"),
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
    (r"(?P<d>\d+) of (?P<n>\d+) done", "完成 {d}/{n}"),
    (r"(?P<d>\d+) of (?P<n>\d+) due by (?P<y>\d{4})", "{y}年前应完成 {d}/{n}"),
    (r"(?P<n>\d+) items due (?P<span>[\d–]+)", "{n}项，{span}年到期"),
    (r"done by (?P<y>\d{4})", "{y}年前完成"),
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

#: Phrases inside a rule's explanation of a verdict (its detail, and what it says of each
#: school or item), put into Chinese one by one where the whole text has no pattern.
RULE_PHRASES: tuple[tuple[str, str], ...] = (
    (r"(\d+) of (\d+), the rest at ≥ (\d+%)", r"\2项中至少\1项达标、其余不低于要求的\3"),
    (r"(\d+) not meeting ", r"\1 个未达到 "),
    (r"all (\d+) meet ", r"全部 \1 个达到 "),
    (r"(\d+) without data", r"\1 个无数据"),
    (r"(\d+) of (\d+) met", r"\2项中\1项达标"),
    (r"needs ([≥≤<>]) ", r"要求 \1 "),
    (r"\(reaches ([\d.]+%)\)", r"（达到要求的 \1）"),
    (r"\(no data: ", "（缺数据："),
    (r"\(no data\)", "（无数据）"),
    (r"(\d+) excluded \(", r"\1 所不在评估范围（"),
    (r" ?\((\d+) pupils\)", r"（\1 名学生）"),
    (r"off the projection by ([-\d.]+%) \(tolerance ±([\d.]+%)\)", r"偏离预测 \1（允许 ±\2）"),
    (r"no value for (.+?) in (\d{4})", r"\2 年无数据：\1"),
    (r"not done; due by (\d{4})", r"未完成，应于 \1 年前完成"),
    (r"done late", "逾期完成"),
    (r"(\d+) due item\(s\) not done in time", r"\1 项到期未完成"),
    (r"due by (\d{4})", r"应于 \1 年前"),
    (r"^not met$", "未达标"),
    (r"cv over (\d+) entities, weighted by ([a-z_]+)", r"\1 所学校的差异系数（按 \2 加权）"),
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
    (r"above the mean", "高于平均值"),
    (r"below the mean", "低于平均值"),
    (r"of the spread", "的离散"),
    (r"(\d+) every year", r"\1，每年"),
)


#: Phrases of the most common messages about input (validate's problems), in Chinese one by
#: one; file names, column names, indicator ids and values stay as written.
INPUT_PHRASES: tuple[tuple[str, str], ...] = (
    (r"the bundled roster, ", "内置名单 "),
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
    (r"conflict: ", "数据冲突："),
    (r"… and (\d+) more problem\(s\) not listed", r"……另有 \1 个问题未列出"),
    (r"… and (\d+) more warning\(s\) not listed", r"……另有 \1 条警告未列出"),
)


def zh_input(text: str) -> str:
    """A message about input in Chinese, phrase by phrase (:data:`INPUT_PHRASES`); what no
    phrase covers stays in English."""
    import re

    for pattern, replacement in INPUT_PHRASES:
        text = re.sub(pattern, replacement, text)
    return text


def zh_detail(text: str) -> str:
    """A verdict's explanation in Chinese: a whole known text by :func:`zh_words`, else each
    known phrase of it (names of schools and indicators stay as they are)."""
    import re

    whole = zh_words(text)
    if whole != text:
        return whole
    for pattern, replacement in RULE_PHRASES:
        text = re.sub(pattern, replacement, text)
    return text


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
                fields["when"] = _WHEN.get(when) or f"{when.removeprefix('by ')}年前"
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
