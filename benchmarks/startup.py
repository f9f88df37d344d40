"""Start-up benchmark: median wall time of lzplan commands as ratios to ``python -c pass``.

Runs are interleaved (baseline, --help, check, baseline, ...) so that the shared,
noisy machine slows all of them alike. It times the venv's own ``bin/lzplan``
script (never a pyenv shim). Run: ``python benchmarks/startup.py [--runs N]``.

Goals (issue #10): ``--help`` within 10 % of ``bare click --help``, a two-command click
program and nothing else (the floor any click program's help stands on, measured in the
same run); ``check`` on one year's bundled file ≤ 6× the baseline, with a warm plan cache,
and ≤ 12× on the first run after an install (an empty cache: ``check, first run``). The
first run takes the bundled plan as the wheel shipped it validated, so measure it in an
environment where lzplan was installed from its wheel (``pip install .``), not an editable
install, which has no shipped plans and validates the plan on a first run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GOALS = {"lzplan check": 6.0, "check, first run": 12.0}
#: ``lzplan --help`` against ``bare click --help``, as a ratio.
HELP_GOAL = 1.10


def _lzplan() -> str:
    script = BIN / ("lzplan.exe" if os.name == "nt" else "lzplan")
    if not script.exists():
        sys.exit(f"no {script}: install lzplan into this Python's environment first")
    return str(script)


def commands() -> dict[str, list[str]]:
    """The commands to time, by label."""
    lzplan = _lzplan()
    data = [str(ROOT / "data" / "actuals" / "2021.csv")]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "bare click --help": [sys.executable, "-c", BARE_CLICK],
        "lzplan --help": [lzplan, "--help"],
        "lzplan check": [lzplan, "check", *data],
        "check, first run": [lzplan, "check", *data],  # with an empty cache each time
    }


#: The floor for ``--help``: a two-command click program that does nothing else.
BARE_CLICK = "\n".join(
    [
        "import click",
        "@click.group()",
        "def main():",
        "    'A program.'",
        "@main.command()",
        "def run():",
        "    'Run it.'",
        "main(['--help'])",
    ]
)


def _once(argv: list[str], empty_cache: bool = False) -> float:
    env = None
    if empty_cache:
        env = {**os.environ, "LZPLAN_CACHE_DIR": tempfile.mkdtemp(prefix="lzplan-cache-")}
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    elapsed = time.perf_counter() - start
    if env is not None:
        shutil.rmtree(env["LZPLAN_CACHE_DIR"], ignore_errors=True)
    return elapsed


def measure(runs: int) -> dict[str, float]:
    """Median seconds per command over ``runs`` interleaved rounds (after one warm-up)."""
    todo = commands()
    for argv in todo.values():
        _once(argv)  # warm-up: byte-code and plan caches, file system
    times: dict[str, list[float]] = {label: [] for label in todo}
    for _ in range(runs):
        for label, argv in todo.items():
            times[label].append(_once(argv, empty_cache=label.endswith("first run")))
    return {label: statistics.median(values) for label, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    medians = measure(args.runs)
    base = medians["python -c pass"]
    print(f"{'command':<18} {'median ms':>10} {'ratio':>7} {'goal':>6}")
    for label, seconds in medians.items():
        ratio = seconds / base
        goal = GOALS.get(label)
        mark = "" if goal is None else f"≤{goal:g}× {'ok' if ratio <= goal else 'OVER'}"
        print(f"{label:<18} {seconds * 1000:>10.1f} {ratio:>6.2f}× {mark:>6}")
    help_ratio = medians["lzplan --help"] / medians["bare click --help"]
    verdict = "ok" if help_ratio <= HELP_GOAL else "OVER"
    print(f"lzplan --help ÷ bare click --help: {help_ratio:.3f} (goal ≤ {HELP_GOAL:g}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
