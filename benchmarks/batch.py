"""Batch benchmark: one ``--each`` run over many county folders against one run per folder.

Writes N invented county folders (default 2,800) into a temporary directory, each with
``2021.csv`` … ``2025.csv`` in long form (indicator,value,year,unit,entity,note,source):
12 of the bundled plan's district indicators a year, 60 rows a folder, with values varied
per county so that some targets pass and some fail. Every folder must be read without
errors (exit 0 or 1 of ``check`` and ``progress``, 0 of ``validate``, no ``error`` line);
otherwise the script stops and shows lzplan's message.

Then it times ``check``, ``validate`` and ``progress``, all with ``--format json``:

* one run with ``--each`` and every folder given as its own argument (a parent folder
  would be ONE dataset: ``--each`` splits the arguments, not the folders inside them);
* separate runs on a sample of the folders (``--sample``), interleaved with the baseline
  ``python -c pass``; their median is extrapolated to N.

Standard output goes to a file, as a user's redirection would. It prints seconds, folders
a second, the ratio (N separate runs) ÷ (one batch run) and each against its goal (issue:
≥ 50× faster, ≥ 1,000 folders a second), one folder's run as a ratio to the baseline, the
batch run's peak RSS (from ``os.wait4``) and JSON size, and whether the batch JSON of each
sampled folder equals its separate run's JSON (compared as parsed JSON; nothing needs
normalising, as ``dataset`` and ``sources`` name the same paths in both). It times the
venv's own ``bin/lzplan`` (never a pyenv shim); Unix only (``os.wait4``).
Run: ``python benchmarks/batch.py [--counties N] [--sample K] [--runs R]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import _lzplan as lzplan  # the venv's own bin/lzplan, never a pyenv shim

HEADER = "indicator,value,year,unit,entity,note,source\n"
YEARS = range(2021, 2026)
COMMANDS = ("check", "validate", "progress")
BASELINE = "python -c pass"
GOAL_RATIO = 50.0  # one batch run at least this many times faster than N separate runs
GOAL_RATE = 1000.0  # folders a second in one batch run


@dataclass(frozen=True)
class Series:
    """One district indicator over the years: its 2021 value, yearly step and noise."""

    indicator: str
    unit: str
    start: float
    step: float
    noise: float
    digits: int
    scaled: bool  # a count that grows with the county's size


#: The bundled plan's indicators (ids as ``lzplan indicators`` lists them), near the
#: figures of data/illustrative: 12 a year, 60 rows a folder.
SERIES: tuple[Series, ...] = (
    Series("kindergarten_enrolment", "万人", 1.86, -0.12, 0.02, 2, True),
    Series("preschool_gross_enrolment_rate", "%", 99.2, 0.0, 0.3, 1, False),
    Series("compulsory_enrolment", "万人", 5.05, 0.12, 0.05, 2, True),
    Series("compulsory_retention_rate", "%", 100.1, 0.0, 0.1, 1, False),
    Series("general_high_school_enrolment", "万人", 1.30, 0.005, 0.01, 2, True),
    Series("high_school_gross_enrolment_rate", "%", 98.1, 0.15, 0.2, 1, False),
    Series("secondary_vocational_enrolment", "万人", 0.46, 0.01, 0.01, 2, True),
    Series("public_kindergarten_enrolment_share", "%", 58.4, 2.0, 1.5, 1, False),
    Series("inclusive_kindergarten_coverage", "%", 88.5, 1.1, 1.0, 1, False),
    Series("fitness_test_good_rate", "%", 51.0, 0.8, 0.6, 1, False),
    Series("myopia_rate", "%", 54.6, -1.2, 0.4, 1, False),
    Series("education_general_budget_expenditure", "万元", 171200, 4000, 1500, 0, True),
)


# ------------------------------------------------------------------ the county folders
def county_rows(rng: random.Random, year: int, size: float) -> list[str]:
    """One county's rows for one year (``size``: its scale against Linzi's)."""
    rows = []
    for series in SERIES:
        value = series.start + series.step * (year - 2021) + rng.gauss(0, series.noise)
        value *= size if series.scaled else 1.0
        shown = f"{value:.{series.digits}f}"
        rows.append(f"{series.indicator},{shown},{year},{series.unit},,,benchmark\n")
    return rows


def write_county(folder: Path, seed: int) -> None:
    """A county's folder: one long-form CSV a year."""
    rng = random.Random(seed)
    size = rng.uniform(0.85, 1.15)  # beyond ±10 % the enrolment projections warn
    folder.mkdir()
    for year in YEARS:
        text = HEADER + "".join(county_rows(rng, year, size))
        (folder / f"{year}.csv").write_text(text, encoding="utf-8")


def write_counties(parent: Path, count: int) -> list[Path]:
    """``count`` county folders under ``parent``."""
    folders = [parent / f"county-{number:04d}" for number in range(1, count + 1)]
    for number, folder in enumerate(folders, start=1):
        write_county(folder, seed=number)
    return folders


def sample_of(folders: Sequence[Path], size: int) -> list[Path]:
    """``size`` folders spread evenly over ``folders``."""
    size = max(1, min(size, len(folders)))
    return [folders[i * len(folders) // size] for i in range(size)]


# ------------------------------------------------------------------ running lzplan
@dataclass(frozen=True)
class Run:
    """One finished process: wall seconds, exit code, peak RSS, where its output went."""

    seconds: float
    code: int
    peak_kib: int
    out: Path
    err: str


def argv_of(command: str, folders: Sequence[Path], each: bool) -> list[str]:
    """``lzplan COMMAND --format json [--each] FOLDER...``."""
    flags = ["--format", "json", *(["--each"] if each else [])]
    return [lzplan(), command, *flags, *map(str, folders)]


def _start(argv: list[str], stdout: IO[bytes], stderr: IO[bytes]) -> subprocess.Popen[bytes]:
    """Start ``argv``; an argument list the OS refuses is said, not raised."""
    try:
        return subprocess.Popen(argv, stdout=stdout, stderr=stderr)
    except OSError as exc:
        size = sum(len(arg.encode()) + 1 for arg in argv)
        limit = os.sysconf("SC_ARG_MAX")
        sys.exit(
            f"cannot start {argv[0]} with {len(argv)} arguments ({size} bytes; ARG_MAX is "
            f"{limit}): {exc}. Give fewer --counties."
        )


def run(argv: list[str], out: Path) -> Run:
    """Run ``argv`` to the end, standard output to ``out``; time and peak RSS of the child."""
    with out.open("wb") as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = _start(argv, stdout, stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        err = stderr.read().decode("utf-8", "replace")
    return Run(seconds, process.returncode, usage.ru_maxrss, out, err)


def accepted(command: str, result: Run, what: str) -> None:
    """Stop, showing lzplan's message, if ``what`` was refused (exit 2, or an error line)."""
    allowed = (0,) if command == "validate" else (0, 1)
    errors = [line for line in result.err.splitlines() if line.startswith("error")]
    if result.code in allowed and not errors:
        return
    shown = "\n".join(result.err.splitlines()[:40])
    sys.exit(f"lzplan {command} refused {what} (exit {result.code}):\n{shown}")


# ------------------------------------------------------------------ measuring
def batch_runs(folders: Sequence[Path], runs: int, work: Path) -> dict[str, list[Run]]:
    """``runs`` rounds of one ``--each`` run per command over every folder."""
    found: dict[str, list[Run]] = {command: [] for command in COMMANDS}
    for number in range(runs):
        for command in COMMANDS:
            out = work / f"batch-{command}-{number}.json"
            result = run(argv_of(command, folders, each=True), out)
            accepted(command, result, f"the batch of {len(folders)} folders")
            found[command].append(result)
    return found


def separate_runs(sample: Sequence[Path], work: Path) -> dict[str, list[Run]]:
    """One run per sampled folder and command, interleaved with ``python -c pass`` so that
    a busy machine slows them alike (after one warm-up of each)."""
    base = [sys.executable, "-c", "pass"]
    run(base, work / "pass.out")
    for command in COMMANDS:
        run(argv_of(command, sample[:1], each=False), work / "warm-up.json")
    found: dict[str, list[Run]] = {label: [] for label in (BASELINE, *COMMANDS)}
    for folder in sample:
        found[BASELINE].append(run(base, work / "pass.out"))
        for command in COMMANDS:
            result = run(argv_of(command, [folder], each=False), work / f"{command}-{folder.name}")
            accepted(command, result, str(folder))
            found[command].append(result)
    return found


def median_seconds(runs: list[Run]) -> float:
    return statistics.median(result.seconds for result in runs)


# ------------------------------------------------------------------ comparing the JSON
def records(path: Path, chunk: int = 1 << 20) -> Iterator[dict[str, object]]:
    """The objects of a JSON list, one at a time: the batch output can be too big to load."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as handle:
        text = handle.read(chunk)
        position = _skip(text, 0)
        if not text.startswith("[", position):
            raise ValueError(f"{path} is not a JSON list")
        position, more = position + 1, True
        while True:
            position = _skip(text, position)
            if text.startswith("]", position) or (position == len(text) and not more):
                return
            try:
                found, position = decoder.raw_decode(text, position)
            except json.JSONDecodeError:  # cut off by the chunk: read on
                if not more:
                    raise
                piece = handle.read(chunk)
                more = bool(piece)
                text, position = text[position:] + piece, 0
                continue
            yield found


#: What separates the objects of a JSON list.
_GAP = re.compile(r"[\s,]+")


def _skip(text: str, position: int) -> int:
    """Where the next value of a JSON list starts, from ``position`` on."""
    gap = _GAP.match(text, position)
    return position if gap is None else gap.end()


def folder_of(command: str, record: dict[str, object]) -> str:
    """The folder a record is about: a result's ``dataset``; a problem's file's folder."""
    if command == "validate":
        return str(Path(str(record.get("file", ""))).parent)
    return str(record.get("dataset", ""))


def grouped(command: str, path: Path, wanted: set[str]) -> dict[str, list[dict[str, object]]]:
    """The records of ``path`` about the ``wanted`` folders, by folder (others skipped)."""
    found: dict[str, list[dict[str, object]]] = {folder: [] for folder in wanted}
    for record in records(path):
        folder = folder_of(command, record)
        if folder in found:
            found[folder].append(record)
    return found


def differences(
    batch: dict[str, list[Run]], separate: dict[str, list[Run]], sample: Sequence[Path]
) -> tuple[list[str], dict[str, int]]:
    """Where the batch JSON of a sampled folder differs from its separate run's JSON, and
    how many records of each command were compared."""
    found: list[str] = []
    compared = dict.fromkeys(COMMANDS, 0)
    for command in COMMANDS:
        wanted = {str(folder) for folder in sample}
        together = grouped(command, batch[command][-1].out, wanted)
        for folder, alone in zip(sample, separate[command], strict=True):
            mine = grouped(command, alone.out, {str(folder)})[str(folder)]
            compared[command] += len(mine)
            if together[str(folder)] != mine:
                found.append(
                    f"{command} {folder}: batch JSON has {len(together[str(folder)])} records, "
                    f"the separate run {len(mine)}, and they differ"
                )
    return found, compared


# ------------------------------------------------------------------ the report
def mark(ok: bool) -> str:
    return "ok" if ok else "OVER"


def report(count: int, batch: dict[str, list[Run]], single: dict[str, list[Run]]) -> None:
    """Print the table: batch, extrapolated separate runs, ratios and goals."""
    base = median_seconds(single[BASELINE])
    sampled = len(single[BASELINE])
    print(
        f"{count} county folders × {len(SERIES) * len(YEARS)} rows; batch: median of "
        f"{len(batch['check'])} run(s); separate: median of {sampled} sampled folders × {count}"
    )
    print(f"baseline {BASELINE}: {base * 1000:.1f} ms")
    print(
        f"{'command':<9} {'batch s':>8} {'folders/s':>9} {'≥1000/s':>7} {'peak MiB':>8} "
        f"{'JSON MB':>8} {'1 run ms':>8} {'÷ pass':>7} {'N runs s':>9} {'N÷batch':>8} {'≥50×':>5}"
    )
    for command in COMMANDS:
        seconds = median_seconds(batch[command])
        alone = median_seconds(single[command])
        last = batch[command][-1]
        rate = count / seconds
        ratio = alone * count / seconds
        print(
            f"{command:<9} {seconds:>8.2f} {rate:>9.0f} {mark(rate >= GOAL_RATE):>7} "
            f"{last.peak_kib / 1024:>8.0f} {last.out.stat().st_size / 1e6:>8.1f} "
            f"{alone * 1000:>8.1f} {alone / base:>6.1f}× {alone * count:>9.1f} "
            f"{ratio:>7.1f}× {mark(ratio >= GOAL_RATIO):>5}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counties", type=int, default=2800, help="folders (default 2800)")
    parser.add_argument("--sample", type=int, default=30, help="folders run alone (default 30)")
    parser.add_argument("--runs", type=int, default=1, help="batch runs a command (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lzplan-batch-") as folder:
        parent = Path(folder)
        (parent / "out").mkdir()
        start = time.perf_counter()
        folders = write_counties(parent, args.counties)
        print(f"wrote {len(folders)} folders in {time.perf_counter() - start:.1f} s")
        sample = sample_of(folders, args.sample)
        single = separate_runs(sample, parent / "out")
        batch = batch_runs(folders, args.runs, parent / "out")
        report(len(folders), batch, single)
        found, compared = differences(batch, single, sample)
    if found:
        print("\n".join(found))
        return 1
    counts = ", ".join(f"{command} {number} records" for command, number in compared.items())
    print(f"identical on {len(sample)} sampled folders ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
