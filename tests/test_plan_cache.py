"""The plan cache: used when it is valid, never when it is stale or not private."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from lzplan import planfile
from lzplan.model import Plan

from .conftest import EXAMPLES

SOURCE = EXAMPLES / "library_plan" / "plan.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LZPLAN_CACHE_DIR", str(folder))
    return folder


def _copy(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(SOURCE.read_bytes())
    return plan


def test_second_load_comes_from_the_cache_without_yaml(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _copy(tmp_path)
    first = planfile.load_plan(plan)
    assert len(list(cache.glob("plan-*.pickle"))) == 1

    def refuse(*_: object) -> Plan:
        raise AssertionError("parsed again instead of using the cache")

    monkeypatch.setattr(planfile, "parse_plan", refuse)
    assert planfile.load_plan(plan) == first


def test_an_edit_that_keeps_size_and_time_is_still_seen(tmp_path: Path, cache: Path) -> None:
    plan = _copy(tmp_path)
    assert planfile.load_plan(plan).targets[1].rule.value == 2  # type: ignore[union-attr]
    stat = plan.stat()
    text = plan.read_text(encoding="utf-8").replace('op: ">=", value: 2}', 'op: ">=", value: 3}')
    plan.write_text(text, encoding="utf-8")
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert plan.stat().st_size == stat.st_size
    assert planfile.load_plan(plan).targets[1].rule.value == 3  # type: ignore[union-attr]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_others_can_write_is_never_loaded(tmp_path: Path, cache: Path) -> None:
    plan = _copy(tmp_path)
    planfile.load_plan(plan)
    (pickled,) = cache.glob("plan-*.pickle")
    pickled.write_bytes(pickle.dumps("planted"))  # what a hostile pickle would be swapped for
    cache.chmod(0o777)
    loaded = planfile.load_plan(plan)
    assert isinstance(loaded, Plan)
    assert pickled.read_bytes() == pickle.dumps("planted")  # not used, and not rewritten


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LZPLAN_CACHE_DIR", str(blocker / "cache"))
    assert planfile.load_plan(_copy(tmp_path)).id == "sample-library-plan"


def test_no_cache_when_turned_off(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LZPLAN_NO_CACHE", "1")
    planfile.load_plan(_copy(tmp_path))
    assert not cache.exists()


def test_old_entries_are_pruned(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lzplan.cache._KEEP", 2)
    plan = _copy(tmp_path)
    for number in range(4):
        plan.write_text(SOURCE.read_text(encoding="utf-8") + f"# edit {number}\n", encoding="utf-8")
        planfile.load_plan(plan)
    assert len(list(cache.glob("plan-*.pickle"))) == 2
    assert not list(cache.glob(".plan-*"))


def test_the_roster_is_cached_too_and_keeps_its_own_path(tmp_path: Path, cache: Path) -> None:
    from lzplan.roster import load_roster

    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    text = "# complete: yes\nname,kind\n东城镇,镇\n"
    for path in (first, second):
        path.write_text(text, encoding="utf-8")
    assert load_roster(first).path == first
    assert len(list(cache.glob("roster-*.pickle"))) == 1
    assert load_roster(first).path == first  # from the cache
    assert load_roster(second).path == second  # same bytes, another file: its own entry
    second.write_text(text + "西城镇,镇\n", encoding="utf-8")
    assert [e.name for e in load_roster(second).entities] == ["东城镇", "西城镇"]


def test_a_roster_loaded_twice_in_one_run_is_read_once(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # readiness loads the roster for each criteria plan: the second load neither parses
    # the CSV nor unpickles the cache
    from lzplan import cache as caching
    from lzplan.roster import load_roster

    roster = tmp_path / "roster.csv"
    roster.write_text("# complete: yes\nname,aliases,code,kind\n甲小学,,,小学\n", "utf-8")
    first = load_roster(roster)

    def refuse(*_: object) -> object:
        raise AssertionError("read again")

    monkeypatch.setattr(caching, "_read", refuse)
    monkeypatch.setattr(caching.pickle, "load", refuse)
    assert load_roster(roster) is first
    roster.write_text("# complete: yes\nname,aliases,code,kind\n乙小学,,,小学\n", "utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("LZPLAN_CACHE_DIR", str(cache))
    assert [entity.name for entity in load_roster(roster).entities] == ["乙小学"]
