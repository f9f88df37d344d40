"""Rules over done/not-done facts: a milestone, and a checklist of named items."""

from __future__ import annotations

from ..model import Checklist, Milestone, Target
from ..observations import Observation
from ..results import Status
from .base import Context, Verdict, missing


def done_by(
    history: list[Observation], due: int, year: int
) -> tuple[Status, str, Observation | None]:
    """Whether a done/not-done fact due by ``due`` holds in ``year``, given its history.

    "Done" carries forward from the first year that says so; "not done" carries
    forward only once the deadline has passed (the deadline was then missed).
    An undated "done" is late when a year from ``due`` on still said "not done".
    """
    done = next((seen for seen in history if seen.flag is not None and seen.flag.done), None)
    if done is not None and done.flag is not None:
        flag = done.flag
        if flag.year is not None and flag.year > due:
            return "fail", f"done late ({flag.on}, due {due})", done
        still_open = [seen.year for seen in history if seen.year >= due and seen.year < done.year]
        if flag.year is None and still_open:
            return "fail", f"done late (not done in {still_open[-1]}, due {due})", done
        return "pass", f"done ({flag.text()})", done
    overdue = [seen for seen in history if seen.year >= due]
    if overdue:  # a year at or past the deadline said "not done": the deadline was missed
        return "fail", f"not done; due by {due}", overdue[-1]
    current = next((seen for seen in history if seen.year == year), None)
    if current is None:
        return "missing", "no data", None
    if year < due:
        return "pending", f"not yet done; due by {due}", current
    return "fail", f"not done; due by {due}", current


def judge_milestone(target: Target, rule: Milestone, context: Context) -> Verdict:
    if rule.every_year:
        return _holds(rule, context)
    history = context.data.history(rule.indicator, context.year)
    status, detail, found = done_by(history, target.deadline, context.year)
    if found is None:
        return missing((rule.indicator,), f"in {context.year}", None, f"done by {target.deadline}")
    return Verdict(
        status,
        detail,
        None,
        f"done by {target.deadline}",
        found.shown(),
        numbers={"deadline": float(target.deadline)},
    )


def judge_checklist(target: Target, rule: Checklist, context: Context) -> Verdict:
    year = context.year
    statuses: dict[str, list[str]] = {"fail": [], "missing": [], "pass": [], "pending": []}
    for item in rule.items:
        history = context.data.history(rule.indicator, year, item.name)
        status, why, _ = done_by(history, item.due, year)
        if status == "missing" and item.due > year:
            status = "pending"
        statuses[status].append(f"{item.name} ({why})")
    due = sum(1 for item in rule.items if item.due <= year)
    done = len(statuses["pass"])
    numbers = {"items": float(len(rule.items)), "due": float(due), "done": float(done)}
    expected = f"{due} of {len(rule.items)} due by {year}"
    missing = len(statuses["missing"])
    actual = f"{done} of {len(rule.items)} done" + (f", {missing} without data" if missing else "")
    misses = tuple(statuses["fail"] + statuses["missing"])
    if statuses["fail"]:
        status_: Status = "fail"
        detail = f"{len(statuses['fail'])} due item(s) not done in time"
    elif statuses["missing"]:
        status_, detail = "missing", f"{len(statuses['missing'])} due item(s) without data"
    elif statuses["pending"]:
        status_ = "pass" if due else "pending"
        detail = (
            f"all {due} due item(s) done"
            if due
            else f"nothing due until {min(i.due for i in rule.items)}"
        )
    else:
        status_, detail = "pass", "all items done"
    return Verdict(status_, detail, None, expected, actual, None, misses, numbers)


# --- descriptions and plan checks -----------------------------------------------------


def _holds(rule: Milestone, context: Context) -> Verdict:
    """A yes/no condition of the year judged: yes passes, no fails, nothing is missing."""
    seen = context.data.value(rule.indicator, context.year)
    if seen is None or seen.flag is None:
        return missing((rule.indicator,), f"in {context.year}", None, "yes")
    status: Status = "pass" if seen.flag.done else "fail"
    detail = f"{'yes' if seen.flag.done else 'no'} in {context.year}"
    return Verdict(status, detail, None, "yes", seen.shown())


def describe_milestone(target: Target, rule: Milestone) -> str:
    if rule.every_year:
        return "yes, every year"
    return f"done by {target.deadline}"


def describe_checklist(target: Target, rule: Checklist) -> str:
    dues = sorted({item.due for item in rule.items})
    span = f"{dues[0]}" if len(dues) == 1 else f"{dues[0]}–{dues[-1]}"
    return f"{len(rule.items)} items due {span}"


def check_checklist(rule: Checklist) -> list[tuple[tuple[str | int, ...], str]]:
    """Each item once: data rows name items, and two alike could not be told apart."""
    from collections import Counter

    counts = Counter(item.name for item in rule.items)
    return [
        (("rule", "items", index, "name"), "duplicate item")
        for index, item in enumerate(rule.items)
        if counts[item.name] > 1
    ]
