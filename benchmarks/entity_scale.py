"""Per-entity scale benchmark: time, rows a second and peak RSS of ``validate`` and ``check``
on large per-school files, against the floor of reading the same CSV with the standard library.

Writes into a temporary directory:

* long files of ``--rows`` rows (default 250,000, 500,000 and 1,000,000; ``--quick``:
  25,000, 50,000 and 100,000, and 10,000 schools below) in long form
  (indicator,value,year,unit,entity,note,source):
  three per-school indicators of the bundled Linzi plan (``mental_health_teachers``,
  ``health_vice_principals``, ``collective_labour_weeks``; the shortest ids, so that
  1,000,000 rows stay under the 50 MB input limit) for 2021–2025, about 2 % of the values
  failing. The invented schools are not in the bundled roster: lzplan warns (and lists
  50 warnings at most);
* a wide file, ``学校办学条件-2025.csv``, of ``--schools`` primary schools (default
  100,000) × the 10 per-school raw figures of the ``compulsory-quality-balance`` plan
  (pupils, teachers, areas, equipment, classrooms, largest class, classes), about 3 % of
  the schools failing one figure; it is run with ``--plan compulsory-quality-balance``.

Each command runs in a fresh child of a one-shot wrapper that reads its peak RSS from
``getrusage(RUSAGE_CHILDREN)`` (as memory.py does) and its wall time; standard output goes
to a file. The baseline, measured in the same run on each file, is the standard library's
floor: ``python -c "import csv,sys; sum(1 for _ in csv.reader(open(...)))" FILE``.
Rounds are interleaved (baseline, validate, check, next file); ``--runs`` gives the median.

It prints, per file and command: seconds, rows a second (goal ≥ 200,000; the file's rows,
and a wide row holds 10 figures), peak MiB (goal < 200, streaming), the ratio to the floor,
the size of the output (``validate`` writes its warnings there) and how many lines lzplan
wrote to standard error; then the exponent of time against rows (least-squares slope on
log-log over the long files: 1 is linear). A file lzplan refuses (exit 2, an ``error``
line; the size limit among them) is reported with lzplan's message, not raised; the exit
status is then 1. Unix only (``resource``). It times the venv's own ``bin/lzplan`` (never
a pyenv shim).
Run: ``python benchmarks/entity_scale.py [--quick | --rows 250000,500000] [--runs N]``.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import _lzplan as lzplan  # the venv's own bin/lzplan, never a pyenv shim

DEFAULT_ROWS = (250_000, 500_000, 1_000_000)
QUICK_ROWS = (25_000, 50_000, 100_000)
GOAL_RATE = 200_000.0  # rows a second
GOAL_MIB = 200.0  # peak RSS
LIMIT_BYTES = 50 * 1024 * 1024  # lzplan's input limit (src/lzplan/rawfile.py MAX_BYTES)
FLOOR = "csv floor"
FLOOR_CODE = (
    "import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))"
)
#: Runs a command, its output to argv[1] and its errors to argv[2]; prints the child's wall
#: seconds, peak RSS (KiB) and exit code.
_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "with open(sys.argv[1], 'wb') as out, open(sys.argv[2], 'wb') as err:\n"
    "    start = time.perf_counter()\n"
    "    code = subprocess.run(sys.argv[3:], stdout=out, stderr=err).returncode\n"
    "    seconds = time.perf_counter() - start\n"
    "print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)

# ------------------------------------------------------------------ the long files
#: (indicator, unit, values drawn from, failing value) of the Linzi plan's per-school rules.
LONG_INDICATORS: tuple[tuple[str, str, tuple[int, ...], int], ...] = (
    ("mental_health_teachers", "人", (1, 1, 2, 3), 0),
    ("health_vice_principals", "人", (1,), 0),
    ("collective_labour_weeks", "周", (1, 1, 2), 0),
)
LONG_YEARS = range(2021, 2026)
LONG_HEADER = "indicator,value,year,unit,entity,note,source\n"


def long_file(folder: Path, rows: int, seed: int = 1) -> Path:
    """A valid long file of ``rows`` rows: every school, year and indicator, in year order."""
    rng = random.Random(seed)
    per_year = len(LONG_INDICATORS)
    schools = math.ceil(rows / (per_year * len(LONG_YEARS)))
    path = folder / f"long-{rows}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(LONG_HEADER)
        written = 0
        for year in LONG_YEARS:
            lines = []
            for school in range(schools):
                for indicator, unit, values, failing in LONG_INDICATORS:
                    if written == rows:
                        break
                    value = failing if rng.random() < 0.02 else rng.choice(values)
                    lines.append(f"{indicator},{value},{year},{unit},学校{school},,x\n")
                    written += 1
            handle.write("".join(lines))
    return path


# ------------------------------------------------------------------ the wide file
#: The compulsory-quality-balance plan's per-school raw figures a primary school gives
#: (its column names), with the requirement per pupil (or per 100 pupils) they are made from.
WIDE_COLUMNS = (
    "学校名称",
    "小学在校生数",
    "高于规定学历教师数",
    "县级以上骨干教师数",
    "体育、艺术专任教师数",
    "教学及辅助用房面积",
    "体育运动场馆面积",
    "教学仪器设备值",
    "网络多媒体教室数",
    "小学最大班额",
    "教学班数",
)
#: (requirement a pupil, ratio range of a passing school, rounding step) per figure.
REQUIRED: tuple[tuple[float, tuple[float, float], int], ...] = (
    (0.042, (1.10, 1.45), 1),  # teachers above the degree: 4.2 per 100 pupils
    (0.010, (1.20, 2.40), 1),  # backbone teachers: 1 per 100
    (0.009, (1.15, 1.70), 1),  # PE and art teachers: 0.9 per 100
    (4.5, (1.10, 1.60), 1),  # teaching rooms, m²
    (7.5, (1.15, 1.90), 1),  # sports grounds, m²
    (2000.0, (1.10, 1.80), 100),  # equipment, 元
    (0.023, (1.05, 1.45), 1),  # multimedia classrooms: 2.3 per 100
)
FAILING = 0.80  # a failing school's ratio to the requirement (below the 85 % floor)


def school_row(rng: random.Random, number: int) -> str:
    """One invented primary school: pupils, the seven resource figures, classes."""
    pupils = rng.randint(150, 1900)
    failing = rng.randrange(len(REQUIRED)) if rng.random() < 0.03 else -1
    figures = []
    for index, (per_pupil, (low, high), step) in enumerate(REQUIRED):
        ratio = FAILING if index == failing else rng.uniform(low, high)
        figures.append(max(1, math.ceil(pupils * per_pupil * ratio / step)) * step)
    classes = math.ceil(pupils / rng.uniform(36, 43))
    largest = min(pupils, math.ceil(pupils / classes) + rng.randint(0, 3))
    cells = [f"示例第{number}小学", str(pupils), *map(str, figures), str(largest), str(classes)]
    return ",".join(cells) + "\n"


def wide_file(folder: Path, schools: int, seed: int = 2) -> Path:
    """A valid wide file: one primary school a row (the year is in the file name)."""
    rng = random.Random(seed)
    path = folder / "学校办学条件-2025.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(WIDE_COLUMNS) + "\n")
        handle.write("".join(school_row(rng, number) for number in range(1, schools + 1)))
    return path


# ------------------------------------------------------------------ running
@dataclass(frozen=True)
class Subject:
    """A file to time: its label, path, data rows and the lzplan options it needs."""

    label: str
    path: Path
    rows: int
    options: tuple[str, ...] = ()
    long: bool = True


@dataclass(frozen=True)
class Run:
    """One run: wall seconds, peak RSS in KiB, exit code, output size, standard error."""

    seconds: float
    peak_kib: int
    code: int
    out_bytes: int
    err: str


def commands(subject: Subject) -> dict[str, list[str]]:
    """The commands to time on one file, by label: the floor first."""
    path = str(subject.path)
    return {
        FLOOR: [sys.executable, "-c", FLOOR_CODE, path],
        "validate": [lzplan(), "validate", path, *subject.options],
        "check": [lzplan(), "check", path, "--format", "json", *subject.options],
    }


def run(argv: list[str], work: Path) -> Run:
    """One run of ``argv`` in a fresh child of the wrapper."""
    out, err = work / "stdout", work / "stderr"
    wrapper = [sys.executable, "-c", _WRAPPER, str(out), str(err), *argv]
    done = subprocess.run(wrapper, capture_output=True, text=True, check=True)
    seconds, peak, code = done.stdout.split()
    said = err.read_text(encoding="utf-8", errors="replace")
    return Run(float(seconds), int(peak), int(code), out.stat().st_size, said)


def refused(label: str, result: Run) -> bool:
    """Whether lzplan refused the file (exit 2 or an ``error`` line); the floor never is."""
    if label == FLOOR:
        return result.code != 0
    errors = any(line.startswith("error") for line in result.err.splitlines())
    return result.code not in (0, 1) or errors


def measure(subjects: Sequence[Subject], runs: int, work: Path) -> dict[tuple[str, str], Run]:
    """Each file's commands, ``runs`` interleaved rounds; the median run of each (by time).
    A refused command is not run again."""
    found: dict[tuple[str, str], list[Run]] = {}
    for _ in range(runs):
        for subject in subjects:
            for label, argv in commands(subject).items():
                earlier = found.setdefault((subject.label, label), [])
                if earlier and refused(label, earlier[0]):
                    continue
                earlier.append(run(argv, work))
    return {key: _median_run(results) for key, results in found.items()}


def _median_run(results: list[Run]) -> Run:
    ordered = sorted(results, key=lambda result: result.seconds)
    return ordered[(len(ordered) - 1) // 2]


# ------------------------------------------------------------------ the report
def mark(ok: bool) -> str:
    return "ok" if ok else "OVER"


def slope(points: Sequence[tuple[float, float]]) -> float:
    """The least-squares slope of log(seconds) on log(rows)."""
    xs = [math.log(rows) for rows, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    top = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return top / sum((x - mean_x) ** 2 for x in xs)


def print_files(subjects: Sequence[Subject]) -> None:
    for subject in subjects:
        size = subject.path.stat().st_size
        over = "  OVER the 50 MB input limit" if size > LIMIT_BYTES else ""
        shape = "" if subject.long else f" × {len(WIDE_COLUMNS) - 1} figures"
        print(f"{subject.label}: {subject.rows:,} rows{shape}, {size / 1e6:.1f} MB{over}")


def print_table(subjects: Sequence[Subject], found: dict[tuple[str, str], Run]) -> None:
    print(
        f"{'file':<16} {'command':<9} {'seconds':>8} {'rows/s':>9} {'≥200k':>5} "
        f"{'peak MiB':>8} {'<200':>4} {'÷ floor':>8} {'out MB':>7} {'stderr lines':>12}"
    )
    for subject in subjects:
        floor = found[(subject.label, FLOOR)]
        for label in commands(subject):
            result = found[(subject.label, label)]
            print(_row(subject, label, result, floor))
    for subject in subjects:
        for label in commands(subject):
            result = found[(subject.label, label)]
            if refused(label, result):
                lines = "\n    ".join(result.err.splitlines()[:5]) or "(no message)"
                print(f"REFUSED {label} {subject.label} (exit {result.code}):\n    {lines}")


def _row(subject: Subject, label: str, result: Run, floor: Run) -> str:
    head = f"{subject.label:<16} {label:<9}"
    if refused(label, result):
        return f"{head} {'refused (exit ' + str(result.code) + ')':>8}"
    rate = subject.rows / result.seconds
    mib = result.peak_kib / 1024
    lines = len(result.err.splitlines())
    goals = (mark(rate >= GOAL_RATE), mark(mib < GOAL_MIB)) if label != FLOOR else ("", "")
    return (
        f"{head} {result.seconds:>8.2f} {rate:>9,.0f} {goals[0]:>5} {mib:>8.0f} {goals[1]:>4} "
        f"{result.seconds / floor.seconds:>7.1f}× {result.out_bytes / 1e6:>7.1f} {lines:>12}"
    )


def print_exponents(subjects: Sequence[Subject], found: dict[tuple[str, str], Run]) -> None:
    """Exponent of time against rows over the long files (and the time a further row takes,
    which start-up does not blur)."""
    longs = [subject for subject in subjects if subject.long]
    for label in (FLOOR, "validate", "check"):
        points = [
            (float(s.rows), found[(s.label, label)].seconds)
            for s in longs
            if not refused(label, found[(s.label, label)])
        ]
        if len(points) < 2:
            print(f"exponent {label}: needs two long files that were read ({len(points)})")
            continue
        (first_rows, first), (last_rows, last) = points[0], points[-1]
        marginal = (last_rows - first_rows) / (last - first) if last > first else math.inf
        print(
            f"exponent {label:<9} {slope(points):.2f} over {len(points)} long files "
            f"(1 = linear); marginal {marginal:,.0f} rows/s"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default=",".join(map(str, DEFAULT_ROWS)), help="long sizes")
    parser.add_argument(
        "--quick", action="store_true", help="rows 25000,50000,100000; 10000 schools"
    )
    parser.add_argument("--schools", type=int, help="wide file (default 100000; 0: none)")
    parser.add_argument("--runs", type=int, default=1, help="median of N runs (default 1)")
    args = parser.parse_args()
    sizes = sorted(QUICK_ROWS if args.quick else (int(n) for n in args.rows.split(",")))
    schools = args.schools if args.schools is not None else 10_000 if args.quick else 100_000
    with tempfile.TemporaryDirectory(prefix="lzplan-scale-") as folder:
        work = Path(folder)
        subjects = [Subject(f"long {n:,}", long_file(work, n), n) for n in sizes]
        if schools:
            wide = wide_file(work, schools)
            options = ("--plan", "compulsory-quality-balance")
            subjects.append(Subject(f"wide {schools:,}", wide, schools, options, False))
        print_files(subjects)
        found = measure(subjects, args.runs, work)
        print_table(subjects, found)
        print_exponents(subjects, found)
    refusals = [key for key, result in found.items() if refused(key[1], result)]
    return 1 if refusals else 0


if __name__ == "__main__":
    sys.exit(main())
