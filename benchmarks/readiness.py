"""Readiness benchmark: ``lzplan readiness`` on invented counties of growing size.

Writes counties of 2,500 to 20,000 schools (and kindergartens in proportion) with
``make_county.py``, then times the venv's own ``bin/lzplan readiness --format json`` on
each, interleaved with ``python -c pass`` as the baseline measured in the same run; prints
the median seconds, the ratio to the baseline, and the growth exponent (time ∝ schools^k).

Goal (issue #8, #10): 20,000 schools in under 2 s.
Run: ``python benchmarks/readiness.py [--runs N] [--sizes 2500,5000,...]``.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_county import write_county
from startup import _lzplan

GOAL_SCHOOLS, GOAL_SECONDS = 20_000, 2.0


def _once(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="2500,5000,10000,20000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    lzplan = _lzplan()
    with tempfile.TemporaryDirectory() as scratch:
        commands: dict[int, list[str]] = {}
        for schools in sizes:
            folder = Path(scratch) / f"county-{schools}"
            write_county(folder, schools, schools * 5 // 3)
            roster = str(folder / "roster.csv")
            commands[schools] = [lzplan, "readiness", str(folder), "--roster", roster,
                                 "--format", "json"]  # fmt: skip
        baseline: list[float] = []
        times: dict[int, list[float]] = {schools: [] for schools in sizes}
        for _ in range(args.runs):
            for schools, argv in commands.items():
                baseline.append(_once([sys.executable, "-c", "pass"]))
                times[schools].append(_once(argv))
    base = statistics.median(baseline)
    medians = {schools: statistics.median(found) for schools, found in times.items()}
    print(f"{'schools':>8} {'median s':>9} {'ratio':>9}")
    for schools, seconds in medians.items():
        print(f"{schools:>8} {seconds:>9.2f} {seconds / base:>8.0f}×")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        exponent = math.log(medians[last] / medians[first]) / math.log(last / first)
        print(f"growth exponent: {exponent:.2f} (1 = linear)")
    if GOAL_SCHOOLS in medians:
        seconds = medians[GOAL_SCHOOLS]
        verdict = "ok" if seconds < GOAL_SECONDS else "OVER"
        print(f"goal: {GOAL_SCHOOLS:,} schools in < {GOAL_SECONDS:g} s: {seconds:.2f} s {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
