"""Build a wheelhouse of lzplan and its dependencies, for machines without a registry.

lzplan's own wheel and every wheel it needs (with the xlsx extra), for Windows and Linux,
CPython 3.10–3.13.

    python scripts/wheelhouse.py --out wheelhouse          # all platforms and versions
    python scripts/wheelhouse.py --platform linux --python 3.11

Copy the folder to the offline machine, then, in its Python (a virtual environment is best):

    python -m pip install --no-index --find-links wheelhouse "lzplan[xlsx]"

The dependencies are read from pyproject.toml; each is downloaded as a binary wheel for each
platform and version (``pip download --only-binary=:all: --platform …``), so a compiled one
(pydantic-core, PyYAML) is there for every machine it may meet.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLATFORMS = {
    "linux": ("manylinux2014_x86_64", "manylinux_2_17_x86_64", "linux_x86_64"),
    "windows": ("win_amd64",),
}
PYTHONS = ("3.10", "3.11", "3.12", "3.13")


def requirements() -> list[str]:
    """lzplan's dependencies and its xlsx extra, as pyproject.toml declares them."""
    if sys.version_info < (3, 11):
        sys.exit("building the wheelhouse needs Python 3.11 or later (it installs on 3.10 too)")
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["xlsx"]]


def build(out: Path, platforms: list[str], pythons: list[str]) -> None:
    """lzplan's wheel, then every requirement for each platform and Python version."""
    out.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)], check=True)
    for name in platforms:
        tags = [flag for tag in PLATFORMS[name] for flag in ("--platform", tag)]
        for version in pythons:
            subprocess.run(
                [*pip, "download", "--quiet", "--only-binary=:all:", *tags,
                 "--python-version", version, "--implementation", "cp", "-d", str(out),
                 *requirements()],
                check=True,
            )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "wheelhouse")
    parser.add_argument("--platform", choices=[*PLATFORMS, "all"], default="all")
    parser.add_argument("--python", default=",".join(PYTHONS), help="e.g. 3.11 or 3.10,3.12")
    args = parser.parse_args()
    platforms = list(PLATFORMS) if args.platform == "all" else [args.platform]
    build(args.out, platforms, args.python.split(","))
    print(f"wrote {args.out}: install with pip install --no-index --find-links {args.out} lzplan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
