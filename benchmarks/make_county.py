"""Write an invented county, 示例县, for trying lzplan's national criteria plans.

EVERY value written is invented (虚构数据): the county, its towns, schools and kindergartens
and all their figures are made up to illustrate lzplan, and are not statistics of any real
county. The county is realistic in shape and fails some criteria on purpose (see the README
it writes). The same arguments always write the same files (``random.Random(seed)``).

Run: ``python benchmarks/make_county.py`` writes ``data/illustrative-county/``;
``--schools 20000 --kindergartens 0 --out /tmp/bigcounty`` a large county of the same
proportions, for timing. Then, for example::

    lzplan check data/illustrative-county --plan compulsory-quality-balance \\
        --roster data/illustrative-county/roster.csv
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "data" / "illustrative-county"
COUNTY = "示例县"

# ------------------------------------------------------------------ the county's make-up
#: Schools of each kind in the default county of 60 (kept in proportion when scaled).
SCHOOL_KINDS: tuple[tuple[str, int], ...] = (
    ("小学", 34),
    ("初中", 12),
    ("九年一贯制", 6),
    ("完全中学", 2),
    ("十二年一贯制", 1),
    ("教学点", 3),
    ("特殊教育学校", 1),
    ("职业学校", 1),
)
BASE_SCHOOLS = sum(n for _, n in SCHOOL_KINDS)
#: Kindergartens by ownership in the default county of 100.
KINDERGARTEN_OWNERSHIP: tuple[tuple[str, int], ...] = (
    ("公办", 50),
    ("普惠性民办", 32),
    ("民办", 18),
)
BASE_KINDERGARTENS = sum(n for _, n in KINDERGARTEN_OWNERSHIP)
#: The towns of the default county; a larger county repeats the pattern with new names.
TOWNS: tuple[tuple[str, str], ...] = (
    ("清溪街道", "街道"),
    ("明湖街道", "街道"),
    ("云台街道", "街道"),
    ("松岭镇", "镇"),
    ("杏花镇", "镇"),
    ("石桥镇", "镇"),
    ("麦丰镇", "镇"),
    ("柳塘镇", "镇"),
    ("枫林镇", "镇"),
    ("梨园镇", "镇"),
)
#: The town (by position in each group of ten) without a public central kindergarten.
NO_CENTRAL_KINDERGARTEN = 9
#: Children's shares by ownership the kindergartens are scaled to: 公办 48 % (fails 50 %),
#: 公办 + 普惠性民办 84 % (passes 80 %).
CHILD_SHARES = {"公办": 0.48, "普惠性民办": 0.36, "民办": 0.16}
OVERFULL_CLASS_SHARE = 0.10  # classes over the size limits: 90 % compliance
GROSS_ENROLMENT = 0.92  # children enrolled ÷ population aged 3-5

_NAME_FIRST = "东西南北大小前后上中马李王张刘杨赵孙周吴高石柳杏桃梨枣桑榆槐"
_NAME_SECOND = "庄村屯店集营寨桥湾坡岭园河沟峪泉洼楼堡铺"
_TOWN_FIRST = "青白金银红黄安永长新平和丰兴宁广福太清明"
_TOWN_SECOND = "山水川原田林峰溪湖阳台城坪川谷滩港口塘"
_BRANDS = (
    "小太阳", "童乐", "育苗", "金色童年", "蓝天", "彩虹", "贝贝", "启明星", "春芽", "乐乐",
    "小博士", "童心", "小天鹅", "向日葵", "阳光", "七彩", "小树苗", "星光", "快乐宝贝", "爱心",
)  # fmt: skip
_STYLES = ("双语", "艺术", "蒙氏", "")

# ------------------------------------------------------------------ the national criteria
#: Each stage's requirement per indicator (A1 of the national-criteria notes).
REQUIRED: dict[str, dict[str, float]] = {
    "小学": {
        "degree": 4.2, "backbone": 1, "pe_art": 0.9, "aux": 4.5, "sports": 7.5,
        "equip": 2000, "mm": 2.3,
    },
    "初中": {
        "degree": 5.3, "backbone": 1, "pe_art": 0.9, "aux": 5.8, "sports": 10.2,
        "equip": 2500, "mm": 2.4,
    },
}  # fmt: skip
INDICATORS = ("degree", "backbone", "pe_art", "aux", "sports", "equip", "mm")
TEACHERS = ("degree", "backbone", "pe_art")  # given per stage
SHARED = ("aux", "sports", "equip", "mm")  # split between stages by weighted pupils
PER_100 = frozenset({"degree", "backbone", "pe_art", "mm"})
INDICATOR_ZH = {
    "degree": "每百名学生拥有高于规定学历教师数",
    "backbone": "每百名学生拥有县级以上骨干教师数",
    "pe_art": "每百名学生拥有体育、艺术专任教师数",
    "aux": "生均教学及辅助用房面积",
    "sports": "生均体育运动场馆面积",
    "equip": "生均教学仪器设备值",
    "mm": "每百名学生拥有网络多媒体教室数",
}
INDICATOR_EN = {
    "degree": "teachers above the required degree per 100 pupils",
    "backbone": "backbone teachers per 100 pupils",
    "pe_art": "PE and art teachers per 100 pupils",
    "aux": "teaching rooms per pupil",
    "sports": "sports grounds per pupil",
    "equip": "equipment value per pupil",
    "mm": "multimedia classrooms per 100 pupils",
}
WEIGHT = {"小学": 1.0, "初中": 1.1, "高中": 1.32}
STAGES_OF: dict[str, tuple[str, ...]] = {
    "小学": ("小学",),
    "教学点": ("小学",),
    "初中": ("初中",),
    "九年一贯制": ("小学", "初中"),
    "完全中学": ("初中", "高中"),
    "十二年一贯制": ("小学", "初中", "高中"),
}
CV_LIMIT = {"小学": 0.50, "初中": 0.45}
CLASS_LIMIT = {"小学": 45, "初中": 50}
SIZE_LIMIT = {"小学": 2000, "初中": 2000, "九年一贯制": 2500, "十二年一贯制": 2500}
TEACHING_POINT_FLOOR = 50  # 教学点 with fewer pupils are outside the criteria
SPORTS_CV_WANTED = 0.56  # the 小学 CV of sports area per pupil is raised above this

# ------------------------------------------------------------------ how each school is made
#: Ratio to the requirement of a passing school's figure (a range drawn from).
NORMAL: dict[str, tuple[float, float]] = {
    "degree": (1.10, 1.45),
    "backbone": (1.2, 2.4),
    "pe_art": (1.15, 1.7),
    "aux": (1.1, 1.6),
    "sports": (1.15, 1.9),
    "equip": (1.1, 1.8),
    "mm": (1.05, 1.45),
}
#: Roles that change a school's ratios (a number, or a range drawn from).
ROLE_FACTORS: dict[str, dict[str, float | tuple[float, float]]] = {
    "crowded": {"sports": (0.87, 0.95), "aux": (1.02, 1.12)},
    "big_grounds": {"sports": (2.6, 4.2)},
    "fail_grounds_equipment": {"sports": 0.88, "equip": 0.95, "aux": (1.02, 1.1)},
    "fail_multimedia": {"mm": 0.80},
    "fail_backbone": {"backbone": 0.75},
    "fail_pe_art_rooms": {"pe_art": 0.78, "aux": 0.93},
    "borderline": {"equip": 0.86},
    "fail_degree_grounds": {"degree": 0.94, "sports": 0.94},
    "fail_equipment": {"equip": 0.80},
}
#: Roles of the 小学 in the default county's 34, by where they go (scaled with the count).
PRIMARY_URBAN_ROLES = (
    ("oversize", 1),
    ("big_class", 1),
    ("fail_grounds_equipment", 1),
    ("crowded", 3),
    ("fail_pe_art_rooms", 1),
)
PRIMARY_RURAL_ROLES = (
    ("big_grounds", 5),
    ("fail_multimedia", 1),
    ("fail_backbone", 1),
    ("borderline", 1),
)
JUNIOR_ROLES = (("fail_degree_grounds", 1), ("fail_equipment", 1), ("big_class", 1))

COUNTY_FIGURES: tuple[tuple[str, float | str, str], ...] = (
    # compulsory-quality-balance: government guarantee, quality, recognition
    ("中小学教师平均工资收入", 112600, "元"),
    ("当地公务员平均工资收入", 109800, "元"),
    ("教师5年360学时培训完成率", 100, "%"),
    ("教师交流轮岗比例", 8, "%"),  # fails ≥ 10 on purpose
    ("交流轮岗教师中骨干教师比例", 24.5, "%"),
    ("教师持证上岗率", 100, "%"),
    ("小学就近划片入学比例", 100, "%"),
    ("初中就近划片入学比例", 97.6, "%"),
    ("优质高中招生名额分配比例", 55, "%"),
    ("随迁子女在公办学校和政府购买学位就读比例", 91.3, "%"),
    ("初中三年巩固率", 98.4, "%"),
    ("残疾儿童少年入学率", 96.8, "%"),
    ("社会认可度", 90.2, "%"),  # both plans
    ("不足100名学生的学校按100名学生核定公用经费", "是", ""),
    ("特殊教育学校生均公用经费", 7200, "元"),
    ("国家义务教育质量监测各科达到Ⅲ级以上", "是", ""),
    ("国家义务教育质量监测校际差异率", 0.12, ""),
    # preschool-universal: county figures that are not computed from kindergartens
    ("园长、专任教师持证上岗率", 100, "%"),
    ("教职工配足配齐幼儿园占比", 100, "%"),
    ("小区配套幼儿园办成公办园或普惠性民办园比例", 100, "%"),
    ("近两年重大安全责任事故和师德师风事件数", 0, "件"),
    ("无证幼儿园数", 0, "所"),
    ("幼儿园“小学化”问题数", 0, "所"),
    ("生均财政拨款标准", 800, "元"),
)

SCHOOL_COLUMNS = (
    "学校名称",
    "小学在校生数",
    "初中在校生数",
    "高中在校生数",
    "高于规定学历教师数",
    "小学部高于规定学历教师数",
    "初中部高于规定学历教师数",
    "县级以上骨干教师数",
    "小学部县级以上骨干教师数",
    "初中部县级以上骨干教师数",
    "体育、艺术专任教师数",
    "小学部体育、艺术专任教师数",
    "初中部体育、艺术专任教师数",
    "教学及辅助用房面积",
    "体育运动场馆面积",
    "教学仪器设备值",
    "网络多媒体教室数",
    "小学最大班额",
    "初中最大班额",
    # the plan's other per-school items (A2, A3): every school passes them
    "教学班数",  # not 班级数, which the preschool plan reads as a kindergarten's 班数
    "音乐专用教室数",
    "美术专用教室数",
    "公用经费",
    "教师培训经费",
)
#: Public operating funds per pupil (元 a year; a school under 100 pupils is funded as 100).
OPERATING_FUNDS = {"小学": 800, "初中": 1000, "高中": 1200}
TEACHER_COLUMNS = {
    "degree": "高于规定学历教师数",
    "backbone": "县级以上骨干教师数",
    "pe_art": "体育、艺术专任教师数",
}
STAGE_PREFIX = {"小学": "小学部", "初中": "初中部"}


@dataclass
class Town:
    name: str
    kind: str  # 镇 or 街道
    central_kindergartens: int = 0

    @property
    def urban(self) -> bool:
        return self.kind == "街道"

    @property
    def stem(self) -> str:
        return self.name.removesuffix("街道").removesuffix("镇")


@dataclass
class School:
    name: str
    code: str
    kind: str
    town: Town
    ownership: str = "公办"
    role: str = "normal"
    pupils: dict[str, int] = field(default_factory=dict)
    teachers: dict[str, dict[str, int]] = field(default_factory=dict)  # stage → figure → n
    shared: dict[str, int] = field(default_factory=dict)
    largest_class: dict[str, int] = field(default_factory=dict)
    other: dict[str, int] = field(default_factory=dict)  # classes, rooms, funds by column

    @property
    def in_data(self) -> bool:
        return self.kind in STAGES_OF

    @property
    def weighted_pupils(self) -> float:
        return sum(WEIGHT[s] * p for s, p in self.pupils.items())

    def judged_stages(self) -> list[str]:
        """The stages the criteria judge this school in (none if it is out of scope)."""
        if not self.in_data:
            return []
        if self.kind == "教学点" and sum(self.pupils.values()) < TEACHING_POINT_FLOOR:
            return []
        return [s for s in STAGES_OF[self.kind] if s in REQUIRED and self.pupils.get(s)]

    def value(self, stage: str, indicator: str) -> float:
        """The stage part's figure as lzplan computes it (per pupil or per 100 pupils)."""
        pupils = self.pupils[stage]
        if indicator in TEACHERS:
            amount: float = self.teachers[stage][indicator]
        else:
            amount = self.shared[indicator] * WEIGHT[stage] * pupils / self.weighted_pupils
        return amount / pupils * (100 if indicator in PER_100 else 1)


@dataclass
class Kindergarten:
    name: str
    code: str
    town: Town
    ownership: str
    central: bool = False
    children: int = 0
    teachers: int = 0
    classes: int = 0
    within_limit: int = 0


@dataclass
class County:
    towns: list[Town]
    schools: list[School]
    kindergartens: list[Kindergarten]
    year: int


# ------------------------------------------------------------------ small helpers
def apportion(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders), summing to it."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def scaled(base: int, count: int, of: int) -> int:
    """``base`` of ``of`` scaled to ``count``."""
    return round(base * count / of)


class Names:
    """Unique names: a repeated one gets a number (松岭镇马庄小学2)."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}

    def take(self, name: str) -> str:
        if name not in self.used:
            self.used.add(name)
            return name
        n = self.next.get(name, 2)
        while f"{name}{n}" in self.used:
            n += 1
        self.next[name] = n + 1
        self.used.add(f"{name}{n}")
        return f"{name}{n}"


def _chinese_number(n: int) -> str:
    """一 … 九十九; larger numbers in digits."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def _draw(rng: random.Random, spec: float | tuple[float, float]) -> float:
    return rng.uniform(*spec) if isinstance(spec, tuple) else spec


def _round(x: float, up: bool, step: int = 1) -> int:
    """``x`` rounded up (a figure that must reach a requirement) or down (one that must
    not), to a multiple of ``step``."""
    q = x / step
    return (math.ceil(q - 1e-9) if up else math.floor(q + 1e-9)) * step


# ------------------------------------------------------------------ building the county
def make_towns(count: int, rng: random.Random) -> list[Town]:
    towns = [Town(name, kind) for name, kind in TOWNS[:count]]
    names = Names()
    for town in towns:
        names.take(town.name)
    stems = [a + b for a in _TOWN_FIRST for b in _TOWN_SECOND if a != b]
    rng.shuffle(stems)
    for i in range(len(towns), count):
        kind = TOWNS[i % len(TOWNS)][1]
        stem = stems[(i - len(TOWNS)) % len(stems)]
        number = (i - len(TOWNS)) // len(stems)
        towns.append(Town(names.take(f"{stem}{number or ''}{kind}"), kind))
    return towns


def _village(rng: random.Random) -> str:
    return rng.choice(_NAME_FIRST) + rng.choice(_NAME_SECOND)


def _spread(towns: list[Town], count: int, *, start_each: bool, urban_twice: bool) -> list[Town]:
    """``count`` places among ``towns``: one in each first (``start_each``), then in turn,
    the 街道 (larger) twice in each turn (``urban_twice``)."""
    turn = [t for t in towns for _ in range(2 if urban_twice and t.urban else 1)]
    first = list(towns) if start_each else []
    return [(first + turn * (count // len(turn) + 1))[i] for i in range(count)] if count else []


def make_schools(count: int, towns: list[Town], names: Names, rng: random.Random) -> list[School]:
    kinds = apportion(count, [n for _, n in SCHOOL_KINDS])
    urban = [t for t in towns if t.urban] or towns
    rural = [t for t in towns if not t.urban] or towns
    schools: list[School] = []

    def add(kind: str, town: Town, name: str, ownership: str = "公办") -> None:
        code = f"991{len(schools) + 1:07d}"
        schools.append(School(names.take(name), code, kind, town, ownership))

    for (kind, _), n in zip(SCHOOL_KINDS, kinds, strict=True):
        if kind == "小学":
            for i, town in enumerate(_spread(towns, n, start_each=True, urban_twice=True)):
                centre = i < len(towns)
                add(kind, town, f"{town.name}{'中心' if centre else _village(rng)}小学")
        elif kind == "初中":
            for i, town in enumerate(_spread(towns, n, start_each=True, urban_twice=True)):
                add(kind, town, f"{town.name}{'' if i < len(towns) else _village(rng)}中学")
        elif kind == "九年一贯制":
            for town in _spread(rural, n, start_each=False, urban_twice=False):
                add(kind, town, f"{town.name}{_village(rng)}学校")
        elif kind == "完全中学":
            for i, town in enumerate(_spread(urban, n, start_each=False, urban_twice=False)):
                add(kind, town, f"{COUNTY}第{_chinese_number(i + 1)}中学")
        elif kind == "十二年一贯制":
            for town in _spread(urban, n, start_each=False, urban_twice=False):
                add(kind, town, f"{COUNTY}育才学校", "民办")
        elif kind == "教学点":
            for town in _spread(rural, n, start_each=False, urban_twice=False):
                add(kind, town, f"{town.name}{_village(rng)}教学点")
        elif kind == "特殊教育学校":
            for town in _spread(urban, n, start_each=False, urban_twice=False):
                add(kind, town, f"{COUNTY}特殊教育学校")
        else:
            for town in _spread(urban, n, start_each=False, urban_twice=False):
                add(kind, town, f"{COUNTY}职业教育中心")
    return schools


def assign_roles(schools: list[School], rng: random.Random) -> None:
    """Give the 小学 and 初中 their roles (most stay normal), in proportion to their count."""
    primary = [s for s in schools if s.kind == "小学"]
    junior = [s for s in schools if s.kind == "初中"]
    pools = {
        True: [s for s in primary if s.town.urban],
        False: [s for s in primary if not s.town.urban],
    }
    for pool in pools.values():
        rng.shuffle(pool)
    for urban, roles in ((True, PRIMARY_URBAN_ROLES), (False, PRIMARY_RURAL_ROLES)):
        for role, base in roles:
            for _ in range(scaled(base, len(primary), 34)):
                pool = pools[urban] or pools[not urban]
                if pool:
                    pool.pop().role = role
    junior_pool = list(junior)
    rng.shuffle(junior_pool)
    for role, base in JUNIOR_ROLES:
        for _ in range(scaled(base, len(junior), 12)):
            if junior_pool:
                junior_pool.pop().role = role


def _pupils(school: School, rng: random.Random) -> dict[str, int]:
    r = rng.randint
    if school.kind == "小学":
        ranges = {
            "oversize": (2050, 2250),
            "crowded": (1300, 1800),
            "fail_grounds_equipment": (1300, 1800),
            "big_class": (1200, 1750),
            "big_grounds": (300, 650),
            "fail_pe_art_rooms": (900, 1500),
        }
        default = (800, 1800) if school.town.urban else (300, 900)
        return {"小学": r(*ranges.get(school.role, default))}
    if school.kind == "教学点":
        return {"小学": 0}  # set with the county's other 教学点, see _teaching_point_pupils
    if school.kind == "初中":
        return {"初中": r(900, 1500) if school.town.urban else r(500, 1000)}
    if school.kind == "九年一贯制":
        total = r(800, 2200)
        primary = round(total * rng.uniform(0.55, 0.65))
        return {"小学": primary, "初中": total - primary}
    if school.kind == "完全中学":
        return {"初中": r(700, 1300), "高中": r(900, 1600)}
    return {"小学": r(600, 900), "初中": r(400, 600), "高中": r(500, 800)}


def _teaching_point_pupils(points: list[School], rng: random.Random) -> None:
    """Two in three under 50 pupils (outside the criteria), the third about 60."""
    for i, school in enumerate(points):
        school.pupils = {"小学": rng.randint(56, 66) if i % 3 == 2 else rng.randint(20, 45)}


def _largest_class(school: School, rng: random.Random) -> dict[str, int]:
    largest: dict[str, int] = {}
    for stage in school.pupils:
        if stage not in CLASS_LIMIT:
            continue
        if school.kind == "教学点":
            largest[stage] = min(school.pupils[stage], rng.randint(8, 18))
        elif school.role == "big_class":
            largest[stage] = 52 if stage == "小学" else 56
        elif stage == "小学":
            largest[stage] = rng.randint(40, 45) if school.town.urban else rng.randint(30, 44)
        else:
            largest[stage] = rng.randint(44, 50) if school.town.urban else rng.randint(38, 48)
    return largest


def fill_school(school: School, rng: random.Random) -> None:
    """Teachers per stage and the shared figures, from the school's role."""
    spec = {**NORMAL, **ROLE_FACTORS.get(school.role, {})}
    if school.kind == "教学点":
        spec["sports"] = (2.0, 4.5)  # a village yard is large for a few dozen pupils
    factor = {name: _draw(rng, spec[name]) for name in INDICATORS}
    judged = [s for s in school.pupils if s in REQUIRED and school.pupils[s]]
    for stage in judged:
        pupils = school.pupils[stage]
        counts = {}
        for name in TEACHERS:
            f = factor[name] if stage == judged[0] else _draw(rng, spec[name])
            counts[name] = _round(f * REQUIRED[stage][name] * pupils / 100, f >= 1)
        if school.kind == "教学点":  # a few teachers whatever the pupils
            counts = {
                "degree": max(counts["degree"], 2 + pupils // 15),
                "backbone": max(counts["backbone"], 1),
                "pe_art": max(counts["pe_art"], 1),
            }
        school.teachers[stage] = counts
    weighted = school.weighted_pupils
    for name in SHARED:
        unit = max(REQUIRED[s][name] / WEIGHT[s] for s in judged)
        amount = factor[name] * unit * weighted / (100 if name in PER_100 else 1)
        step = 100 if name == "equip" else 1
        school.shared[name] = _round(amount, factor[name] >= 1, step)
    if school.kind == "教学点":
        school.shared["mm"] = max(school.shared["mm"], 2)
    school.largest_class = _largest_class(school, rng)
    school.other = _other_items(school, rng)


def _other_items(school: School, rng: random.Random) -> dict[str, int]:
    """Classes, music and art rooms (≥ 1 each per 12 classes), operating funds and the
    teacher-training budget (≥ 5 % of them): every school passes these."""
    classes = 0
    for stage, pupils in school.pupils.items():
        if school.kind == "教学点":
            classes += max(1, min(6, math.ceil(pupils / 12)))
        else:
            largest = school.largest_class.get(stage, rng.randint(46, 50))
            classes += math.ceil(pupils / (largest * rng.uniform(0.85, 0.96)))
    funded = max(100, sum(school.pupils.values()))
    per_pupil = sum(OPERATING_FUNDS[s] * p for s, p in school.pupils.items()) / max(
        1, sum(school.pupils.values())
    )
    funds = _round(funded * per_pupil, True, 100)
    return {
        "教学班数": classes,
        "音乐专用教室数": math.ceil(classes / 12) + rng.choice((0, 0, 1)),
        "美术专用教室数": math.ceil(classes / 12) + rng.choice((0, 0, 1)),
        "公用经费": funds,
        "教师培训经费": _round(funds * rng.uniform(0.052, 0.075), True, 100),
    }


def weighted_cv(parts: list[tuple[float, float]]) -> float:
    """The enrolment-weighted coefficient of variation of (pupils, value) pairs."""
    total = sum(p for p, _ in parts)
    if not total:
        return 0.0
    mean = sum(p * x for p, x in parts) / total
    if not mean:
        return 0.0
    return math.sqrt(sum(p / total * (x - mean) ** 2 for p, x in parts)) / mean


def stage_parts(schools: Iterable[School], stage: str, indicator: str) -> list[tuple[int, float]]:
    return [
        (s.pupils[stage], s.value(stage, indicator)) for s in schools if stage in s.judged_stages()
    ]


def widen_grounds(schools: list[School]) -> None:
    """Enlarge the rural schools' large grounds until the 小学 CV of sports area per pupil
    is above :data:`SPORTS_CV_WANTED` (it fails ≤ 0.50 on purpose)."""
    big = [s for s in schools if s.role == "big_grounds"]
    for _ in range(40):
        if not big or weighted_cv(stage_parts(schools, "小学", "sports")) >= SPORTS_CV_WANTED:
            return
        for school in big:
            school.shared["sports"] = round(school.shared["sports"] * 1.08)


def make_kindergartens(
    count: int, towns: list[Town], names: Names, rng: random.Random
) -> list[Kindergarten]:
    owned = apportion(count, [n for _, n in KINDERGARTEN_OWNERSHIP])
    found: list[Kindergarten] = []
    for (ownership, _), n in zip(KINDERGARTEN_OWNERSHIP, owned, strict=True):
        public = ownership == "公办"
        for town in _spread(towns, n, start_each=public, urban_twice=True):
            code = f"992{len(found) + 1:07d}"
            found.append(Kindergarten("", code, town, ownership))
    per_town: dict[str, list[Kindergarten]] = {}
    for kg in found:
        per_town.setdefault(kg.town.name, []).append(kg)
    for i, town in enumerate(towns):
        public = [kg for kg in per_town.get(town.name, []) if kg.ownership == "公办"]
        central = 0 if i % len(TOWNS) == NO_CENTRAL_KINDERGARTEN else 1
        if i == 0:
            central = 2  # the county seat's subdistrict has two
        for kg in public[:central]:
            kg.central = True
        town.central_kindergartens = min(central, len(public))
    seat = iter(("实验", "机关"))
    for kg in found:
        town = kg.town
        if kg.central:
            first = sum(k.central for k in per_town[town.name][: per_town[town.name].index(kg)])
            name = f"{town.name}{'第二' if first else ''}中心幼儿园"
        elif kg.ownership == "公办":
            label = next(seat, "") if town.urban else ""
            name = f"{COUNTY}{label}幼儿园" if label else f"{town.name}{_village(rng)}幼儿园"
        elif kg.ownership == "普惠性民办":
            name = f"{town.stem}{rng.choice(_BRANDS)}幼儿园"
        else:
            name = f"{town.stem}{rng.choice(_BRANDS)}{rng.choice(_STYLES)}幼儿园"
        kg.name = names.take(name)
    return found


def fill_kindergartens(kindergartens: list[Kindergarten], rng: random.Random) -> None:
    """Children, teachers, classes and classes within the size limits."""
    raw: list[float] = []
    for kg in kindergartens:
        if kg.central:
            raw.append(rng.uniform(280, 450))
        elif kg.ownership == "公办":
            raw.append(rng.uniform(150, 330) if kg.town.urban else rng.uniform(60, 200))
        elif kg.ownership == "普惠性民办":
            raw.append(rng.uniform(120, 360))
        else:
            raw.append(rng.uniform(80, 320))
    total = sum(raw)
    for _ in range(8):  # scale each ownership's children to its share, within 60-450
        for ownership, share in CHILD_SHARES.items():
            mine = [i for i, kg in enumerate(kindergartens) if kg.ownership == ownership]
            have = sum(raw[i] for i in mine)
            if have:
                for i in mine:
                    raw[i] = min(450.0, max(60.0, raw[i] * share * total / have))
    ratio = {"公办": (11.0, 14.0), "普惠性民办": (12.5, 16.0), "民办": (13.5, 17.0)}
    for kg, children in zip(kindergartens, raw, strict=True):
        kg.children = round(children)
        kg.classes = min(15, max(4, round(kg.children / rng.uniform(22, 30))))
        kg.teachers = max(kg.classes, round(kg.children / rng.uniform(*ratio[kg.ownership])))
        kg.within_limit = kg.classes
    overfull = round(OVERFULL_CLASS_SHARE * sum(kg.classes for kg in kindergartens))
    crowded = sorted(kindergartens, key=lambda kg: (-kg.children / kg.classes, kg.code))
    for kg in crowded:
        if overfull <= 0:
            break
        over = min(overfull, max(1, round(kg.classes * 0.35)))
        kg.within_limit -= over
        overfull -= over


def build_county(schools: int, kindergartens: int, year: int, seed: int) -> County:
    rng = random.Random(seed)
    scale = max(schools / BASE_SCHOOLS, kindergartens / BASE_KINDERGARTENS)
    towns = make_towns(max(len(TOWNS), round(len(TOWNS) * scale)), rng)
    names = Names()
    for town in towns:
        names.take(town.name)
    county_schools = make_schools(schools, towns, names, rng)
    assign_roles(county_schools, rng)
    for school in county_schools:
        school.pupils = _pupils(school, rng) if school.in_data else {}
    _teaching_point_pupils([s for s in county_schools if s.kind == "教学点"], rng)
    for school in county_schools:
        if school.in_data:
            fill_school(school, rng)
    widen_grounds(county_schools)
    county_kindergartens = make_kindergartens(kindergartens, towns, names, rng)
    fill_kindergartens(county_kindergartens, rng)
    return County(towns, county_schools, county_kindergartens, year)


# ------------------------------------------------------------------ judging (for the README)
@dataclass
class Outcome:
    """What the criteria say about the county, as lzplan should find it."""

    failing: list[tuple[School, str, list[str]]] = field(default_factory=list)
    borderline: list[tuple[School, str, str]] = field(default_factory=list)
    cv: dict[tuple[str, str], float] = field(default_factory=dict)
    oversize: list[School] = field(default_factory=list)
    big_class: list[tuple[School, str, int]] = field(default_factory=list)
    excluded: list[School] = field(default_factory=list)
    preschool: dict[str, float] = field(default_factory=dict)
    no_central: list[Town] = field(default_factory=list)


def _percent(ratio: float) -> str:
    return f"{math.floor(ratio * 1000 + 1e-6) / 10:g}%"


def judge(county: County) -> Outcome:
    out = Outcome()
    for school in county.schools:
        if school.in_data and not school.judged_stages():
            out.excluded.append(school)
        for stage in school.judged_stages():
            ratios = {n: school.value(stage, n) / REQUIRED[stage][n] for n in INDICATORS}
            missed = {n: r for n, r in ratios.items() if r < 1}
            if len(missed) > 1 or any(r < 0.85 for r in missed.values()):
                said = [f"{INDICATOR_ZH[n]} {_percent(r)}" for n, r in missed.items()]
                out.failing.append((school, stage, said))
            elif missed and min(missed.values()) < 0.90 and school.role == "borderline":
                (name, ratio), *_ = missed.items()
                out.borderline.append((school, stage, f"{INDICATOR_ZH[name]} {_percent(ratio)}"))
        limit = SIZE_LIMIT.get(school.kind)
        if limit and sum(school.pupils.values()) > limit:
            out.oversize.append(school)
        for stage, largest in school.largest_class.items():
            if largest > CLASS_LIMIT[stage]:
                out.big_class.append((school, stage, largest))
    for stage in REQUIRED:
        for name in INDICATORS:
            out.cv[(stage, name)] = weighted_cv(stage_parts(county.schools, stage, name))
    kgs = county.kindergartens
    children = sum(kg.children for kg in kgs)
    if children:
        public = sum(kg.children for kg in kgs if kg.ownership == "公办")
        inclusive = sum(kg.children for kg in kgs if kg.ownership != "民办")
        classes = sum(kg.classes for kg in kgs)
        out.preschool = {
            "children": children,
            "population": _population(county),
            "gross": children / _population(county) * 100,
            "coverage": inclusive / children * 100,
            "public": public / children * 100,
            "compliance": sum(kg.within_limit for kg in kgs) / classes * 100,
            "per_teacher": children / sum(kg.teachers for kg in kgs),
        }
        out.no_central = [t for t in county.towns if t.kind == "镇" and t.central_kindergartens < 1]
    return out


def _population(county: County) -> int:
    return round(sum(kg.children for kg in county.kindergartens) / GROSS_ENROLMENT)


# ------------------------------------------------------------------ writing the files
def _write_csv(path: Path, rows: Iterable[Sequence[object]], encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def write_roster(path: Path, county: County) -> None:
    rows: list[Sequence[object]] = [
        ["# complete: yes"],
        ["name", "aliases", "code", "kind", "town", "ownership", "from", "to"],
    ]
    rows += [[t.name, "", "", t.kind, "", "", "", ""] for t in county.towns]
    rows += [[s.name, "", s.code, s.kind, s.town.name, s.ownership, "", ""] for s in county.schools]
    rows += [
        [k.name, "", k.code, "幼儿园", k.town.name, k.ownership, "", ""]
        for k in county.kindergartens
    ]
    _write_csv(path, rows)


def _school_row(school: School) -> list[object]:
    cells: dict[str, object] = {"学校名称": school.name}
    for stage, pupils in school.pupils.items():
        cells[f"{stage}在校生数"] = pupils
    whole = len(school.pupils) == 1  # one stage: the whole school's teachers
    for stage, counts in school.teachers.items():
        for name, column in TEACHER_COLUMNS.items():
            cells[column if whole else STAGE_PREFIX[stage] + column] = counts[name]
    for name, column in zip(SHARED, SCHOOL_COLUMNS[13:17], strict=True):
        cells[column] = school.shared[name]
    for stage, largest in school.largest_class.items():
        cells[f"{stage}最大班额"] = largest
    cells.update(school.other)
    return [cells.get(column, "") for column in SCHOOL_COLUMNS]


def write_schools(path: Path, county: County) -> None:
    title = f"{COUNTY}{county.year}年义务教育学校办学条件统计表（虚构数据）"
    rows: list[Sequence[object]] = [[title], list(SCHOOL_COLUMNS)]
    rows += [_school_row(s) for s in county.schools if s.in_data]
    _write_csv(path, rows, encoding="utf-8-sig")


def write_kindergartens(path: Path, county: County) -> None:
    rows: list[Sequence[object]] = [
        ["幼儿园名称", "在园幼儿数", "专任教师数", "班数", "班额达标班数"]
    ]
    rows += [
        [k.name, k.children, k.teachers, k.classes, k.within_limit] for k in county.kindergartens
    ]
    _write_csv(path, rows)


def write_towns(path: Path, county: County) -> None:
    rows: list[Sequence[object]] = [["镇街", "乡镇公办中心幼儿园数"]]
    rows += [[t.name, t.central_kindergartens] for t in county.towns]
    _write_csv(path, rows)


def write_county_figures(path: Path, county: County) -> None:
    rows: list[Sequence[object]] = [["指标", "数值", "单位"]]
    if county.kindergartens:
        rows.append(["3-5岁常住人口", _population(county), "人"])
    rows += [
        [name, value if isinstance(value, str) else f"{value:g}", unit]
        for name, value, unit in COUNTY_FIGURES
    ]
    _write_csv(path, rows)


def _list(items: list[str], none: str, limit: int = 20) -> str:
    """A Markdown list; a scaled county's long lists end with how many more there are."""
    if not items:
        return f"* {none}"
    shown = [f"* {item}" for item in items[:limit]]
    if len(items) > limit:
        shown.append(f"* …（另 {len(items) - limit} 项 / {len(items) - limit} more）")
    return "\n".join(shown)


def _part(school: School, stage: str) -> str:
    """A school, or the stage part of a school of several stages, as the README names it."""
    if len(school.pupils) == 1:
        return f"{school.name}（{school.kind}）"
    return f"{school.name}（{school.kind}，{stage}部分）"


def write_readme(path: Path, county: County, out: Outcome, command: str) -> None:
    year = county.year
    kinds = {kind: sum(s.kind == kind for s in county.schools) for kind, _ in SCHOOL_KINDS}
    kind_text = "、".join(f"{kind} {n}" for kind, n in kinds.items() if n)
    owned = {
        o: sum(k.ownership == o for k in county.kindergartens) for o, _ in KINDERGARTEN_OWNERSHIP
    }
    owned_text = "、".join(f"{o} {n}" for o, n in owned.items())
    streets = sum(t.kind == "街道" for t in county.towns)
    towns = f"{streets} 个街道、{len(county.towns) - streets} 个镇"
    failing = [f"{_part(s, stage)}：{'；'.join(said)}" for s, stage, said in out.failing]
    border = [f"{_part(s, stage)}：{said}，通过" for s, stage, said in out.borderline]
    cv_fail = [
        f"{stage}{INDICATOR_ZH[n]}校际差异系数 {v:.3f}（> {CV_LIMIT[stage]:.2f}）"
        for (stage, n), v in out.cv.items()
        if v > CV_LIMIT[stage]
    ]
    cv_max = {
        stage: max(v for (s, n), v in out.cv.items() if s == stage and v <= CV_LIMIT[stage])
        for stage in REQUIRED
    }
    oversize = [
        f"{s.name}（{s.kind}）：{sum(s.pupils.values())} 人（> 2000）" for s in out.oversize
    ]
    big_class = [
        f"{s.name}（{s.kind}）：{stage}最大班额 {n} 人（> {CLASS_LIMIT[stage]}）"
        for s, stage, n in out.big_class
    ]
    excluded = [
        f"{s.name}：{sum(s.pupils.values())} 人（不足 50 人，不在评估范围）" for s in out.excluded
    ]
    p = out.preschool
    files = [
        ("roster.csv", "名单：镇街、学校（含10位虚构学校标识码）、幼儿园及办学性质 / roster"),
        (
            f"学校办学条件-{year}.csv",
            "每校一行（不含特殊教育学校、职业学校），UTF-8 带 BOM，首行为标题 / one row per school",
        ),
    ]
    if county.kindergartens:
        files += [
            (f"幼儿园-{year}.csv", "每园一行 / one row per kindergarten"),
            (f"镇街-{year}.csv", "各镇街公办中心幼儿园数 / central kindergartens per town"),
        ]
    files.append((f"县级指标-{year}.csv", "两套标准的县级指标 / county figures of both plans"))
    table = "\n".join(f"| `{name}` | {what} |" for name, what in files)
    pre_zh = pre_en = ""
    if p:
        no_central = "、".join(t.name for t in out.no_central) or "无"
        pre_zh = f"""
### 学前教育普及普惠（`preschool-universal`）

* 公办园在园幼儿占比 {p["public"]:.1f}%（要求 ≥ 50%）：**不达标**
* {no_central} 乡镇公办中心幼儿园数为 0（要求每个镇至少 1 所）：**不达标**
* 达标：学前三年毛入园率 {p["gross"]:.1f}%（在园 {p["children"]:,.0f} 人
  ÷ 3-5岁常住人口 {p["population"]:,.0f} 人，≥ 85%）；
  普惠性幼儿园覆盖率 {p["coverage"]:.1f}%（≥ 80%）；班额达标率 {p["compliance"]:.1f}%（≥ 85%）；
  在园幼儿与专任教师比 {p["per_teacher"]:.2f}（≤ 15）；其余县级指标。
"""
        pre_en = f"""
### Preschool (`preschool-universal`)

* share of children in public kindergartens {p["public"]:.1f}% (needs ≥ 50%): **fails**
* {len(out.no_central)} 镇 with no public central kindergarten (every 镇 needs one): **fails**
* passing: gross enrolment {p["gross"]:.1f}%, inclusive coverage {p["coverage"]:.1f}%,
  class-size compliance {p["compliance"]:.1f}%, {p["per_teacher"]:.2f} children per
  full-time teacher, and the other county figures.
"""
    text = f"""# {COUNTY}：虚构的县域教育数据 / An invented county for lzplan

**本文件夹中的每一个数值都是虚构的（虚构数据），仅用于演示 lzplan 的两套国家评估标准，
不是任何真实县区的统计数据；县名、镇街名、学校名、幼儿园名和学校标识码也都是编造的。**

**EVERY value in this folder is invented (虚构数据) to illustrate lzplan's two national
criteria plans. None of it is a statistic of any real county; the county, town, school and
kindergarten names and the school codes are made up too.**

由 `{command}` 生成。/ Written by `{command}`.

## 文件 / Files

{towns}；学校 {len(county.schools)} 所（{kind_text}）；
幼儿园 {len(county.kindergartens)} 所（{owned_text}）。

| 文件 / file | 内容 / holds |
|---|---|
{table}
| `README.md` | 本说明 / this note |

## 检查 / Checking

```sh
lzplan check data/illustrative-county --plan compulsory-quality-balance \\
    --roster data/illustrative-county/roster.csv
lzplan check data/illustrative-county --plan preschool-universal \\
    --roster data/illustrative-county/roster.csv
```

每次检查只用到其中一套标准的文件，另一套标准的文件或指标会得到提示（note），这是预期的。
Each check reads the whole folder; files and figures of the other plan give a note, as expected.

## 有意设置的未达标项 / What fails on purpose

### 义务教育优质均衡（`compulsory-quality-balance`）

资源配置：每所学校 7 项指标至少 6 项达标、余项不低于要求的 85%。以下学校不达标：

{_list(failing, "无")}

临界通过（6 项达标，第 7 项略高于 85%）：

{_list(border, "无")}

校际差异系数（按在校生数加权）：

{_list(cv_fail, "无")}
* 其余差异系数均达标（小学最大 {cv_max["小学"]:.3f}，初中最大 {cv_max["初中"]:.3f}）。

学校规模与班额：

{_list(oversize + big_class, "无")}

县级指标：教师交流轮岗比例 8%（要求 ≥ 10%）不达标；其余（教师工资不低于公务员、社会认可度
90.2% 等）达标。每校的音乐、美术专用教室（每12个班级各1间以上）和教师培训经费（不低于公用经费的
5%）全部达标。不在评估范围（列出为 excluded）：特殊教育学校、职业学校，以及

{_list(excluded, "无")}
{pre_zh}
### In English

* **Per-school resources** (at least 6 of the 7 indicators met, the 7th at ≥ 85 %):
  {len(out.failing)} school parts fail, named above with each missed indicator as a share of
  its requirement; {len(out.borderline)} passes at the borderline (6 met, the 7th just above
  85 %).
* **Between-school CV**: {len(cv_fail)} fails (above), the 小学 sports area per pupil: a few
  crowded town-centre schools with small grounds and some rural schools with very large
  ones. The others are within 0.50 (小学) and 0.45 (初中).
* **School and class size**: schools over 2000 pupils: {len(out.oversize)}; schools with a
  largest class over the limit (小学 45, 初中 50): {len(out.big_class)}; named above.
* **County figures**: teacher rotation 8 % (needs ≥ 10 %) fails; teachers' pay is above
  civil servants' and the others pass. Every school's music and art rooms (one each per 12
  classes) and teacher-training budget (≥ 5 % of its operating funds) pass.
* Special-education and vocational schools, and 教学点 under 50 pupils, are excluded.
{pre_en}
## 重新生成 / Regenerating

```sh
python benchmarks/make_county.py            # 写入 / writes data/illustrative-county/
python benchmarks/make_county.py --schools 20000 --kindergartens 0 --out /tmp/bigcounty
```

选项 / options: `--schools`（默认 60）、`--kindergartens`（100）、`--year`（2025）、`--seed`
（2025）、`--out`。同样的参数总是生成同样的文件；按比例放大时名称后加数字以保持唯一。
The same arguments always write the same files; a scaled county keeps the proportions and
numbers repeated names.
"""
    path.write_text(text, encoding="utf-8")


def write_county(
    folder: Path, schools: int = 60, kindergartens: int = 100, year: int = 2025, seed: int = 2025
) -> None:
    """Write the invented county 示例县 into ``folder``: roster, school, kindergarten,
    town and county files for ``year``, and a README saying what fails on purpose."""
    county = build_county(schools, kindergartens, year, seed)
    folder.mkdir(parents=True, exist_ok=True)
    write_roster(folder / "roster.csv", county)
    write_schools(folder / f"学校办学条件-{year}.csv", county)
    if county.kindergartens:
        write_kindergartens(folder / f"幼儿园-{year}.csv", county)
        write_towns(folder / f"镇街-{year}.csv", county)
    write_county_figures(folder / f"县级指标-{year}.csv", county)
    defaults = (schools, kindergartens, year, seed) == (60, 100, 2025, 2025)
    command = "python benchmarks/make_county.py"
    if not defaults:
        command += f" --schools {schools} --kindergartens {kindergartens} --year {year}"
        command += f" --seed {seed}"
    write_readme(folder / "README.md", county, judge(county), command)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=60, help="schools (default 60)")
    parser.add_argument("--kindergartens", type=int, default=100, help="(default 100)")
    parser.add_argument("--year", type=int, default=2025, help="the year (default 2025)")
    parser.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write")
    args = parser.parse_args(argv)
    if args.schools < 0 or args.kindergartens < 0:
        parser.error("--schools and --kindergartens must be 0 or more")
    write_county(args.out, args.schools, args.kindergartens, args.year, args.seed)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
