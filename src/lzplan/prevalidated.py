"""The bundled plans validated when the wheel is built, so that the first run after an
install (or after an upgrade empties the cache) needs neither PyYAML nor pydantic: reading
and validating the Linzi plan takes about 140 ms, five times a whole cached check.

``hatch_build.py`` writes ``plan.yaml.validated`` beside each bundled plan in the wheel: a
pickle of the plan and the digest of what it was made from (the YAML's bytes and the modules
that shape a plan, as the cache's key has them). A plan is taken from it only when that
digest is the running code's, and only for a bundled plan's own file inside the installed
package, which is as trusted as the code beside it; otherwise the plan is validated as usual.
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path

from .cache import digest
from .model import Plan

SUFFIX = ".validated"


def read(path: Path, raw: bytes, code: tuple[str, ...]) -> Plan | None:
    """The plan validated at build time for the bundled plan file ``path``, if any and if
    it was made from ``raw`` by this code."""
    shipped = path.with_name(path.name + SUFFIX)
    if not shipped.is_file():
        return None
    with contextlib.suppress(Exception):  # a damaged or foreign file: validate as usual
        made_from, plan = pickle.loads(shipped.read_bytes())
        if made_from == digest(raw, code) and isinstance(plan, Plan):
            return plan
    return None


def write(path: Path, folder: Path, code: tuple[str, ...]) -> Path:
    """Validate the plan file ``path`` and write it, with its digest, into ``folder``."""
    from .planfile import parse_plan

    raw = path.read_bytes()
    plan = parse_plan(raw, str(path))
    shipped = folder / (path.name + SUFFIX)
    shipped.write_bytes(pickle.dumps((digest(raw, code), plan), protocol=4))
    return shipped
