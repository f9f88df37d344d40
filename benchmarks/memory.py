"""Memory benchmark: peak RSS of lzplan commands as ratios to ``python -c pass``.

Each command runs in a fresh child process whose peak resident set size is read from
``getrusage(RUSAGE_CHILDREN)`` of a one-shot wrapper, so runs do not mix. Besides the
bundled data it reads a generated valid long file near the 50 MB input limit (about 560,000
rows), to show what memory a large input costs. Run: ``python benchmarks/memory.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
_WRAPPER = (
    "import resource, subprocess, sys;"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_kib(argv: list[str]) -> int:
    """Peak RSS in KiB of one run of ``argv``."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *argv], capture_output=True, text=True)
    return int(out.stdout.strip())


def big_file(folder: Path, megabytes: int = 40) -> Path:
    """A valid long file of ``megabytes``: one school a row, years 2021–2025."""
    path = folder / "long.csv"
    row = "mental_health_teachers,{value},{year},人,学校{school},a note that lengthens the row,x\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("indicator,value,year,unit,entity,note,source\n")
        size, n = 0, 0
        while size < megabytes * 1024 * 1024:
            line = row.format(value=1 + n % 3, year=2021 + n % 5, school=n // 5)
            handle.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return path


def main() -> int:
    lzplan = str(BIN / "lzplan")
    with tempfile.TemporaryDirectory() as folder:
        big = big_file(Path(folder))
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "lzplan check 2021.csv": [lzplan, "check", str(ROOT / "data/actuals/2021.csv")],
            "lzplan validate 40 MB": [lzplan, "validate", str(big)],
            "lzplan check 40 MB": [lzplan, "check", str(big), "--year", "2025", "--format", "json"],
        }
        peaks = {
            label: statistics.median(peak_kib(argv) for _ in range(3))
            for label, argv in commands.items()
        }
    base = peaks["python -c pass"]
    print(f"{'command':<24} {'peak MiB':>9} {'ratio':>7}")
    for label, kib in peaks.items():
        print(f"{label:<24} {kib / 1024:>9.1f} {kib / base:>6.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
