"""One campaign's steps: what is drawn for each, and when it happens in office hours.

Everything random about a step is drawn up front (:func:`draw_steps`), so a plan can be
re-timed without new draws: :func:`plan` runs the steps in order from the creation,
:func:`plan_before` moves the creation back until they end by a given moment.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from wawaran_desktop.services.clock import WIB
from wawaran_desktop.demo.content import DemoContent, Topic
from wawaran_desktop.demo.notes import note
from wawaran_desktop.demo.office_hours import DAY_START, office, previous_workday
from wawaran_desktop.demo.randomness import minutes, pick
from wawaran_desktop.demo.stage_draws import Figures
from wawaran_desktop.sop.schema import Sop

#: Chance that a step (after the first) is reopened, by step number; others 0.02.
REOPEN_CHANCE = {4: 0.08, 6: 0.06}

#: An event of a step: (kind, when, actor, reason).
Event = tuple[str, datetime, int, str | None]


@dataclass(frozen=True)
class Draw:
    """Everything random about one step, drawn up front so a plan can be re-timed."""

    gap: timedelta  # wait before the step starts
    jitter: timedelta  # how long after the office opens (or lunch) work resumes
    duration: timedelta
    reopen: tuple[timedelta, timedelta, str] | None  # (after finish, extra work, reason)
    assignee: int
    actor_start: int
    actor_finish: int
    marks: tuple[tuple[int, float], ...]  # (item, fraction of the work done when ticked)
    note: str
    pause: tuple[float, timedelta, str] | None = None  # (fraction of the work done, length, reason)


@dataclass
class StepPlan:
    events: list[Event]
    marks: list[tuple[int, datetime, int]]  # (item, when, by whom)


def draw_steps(rng: random.Random, sop: Sop, team: dict[str, list[int]], texts: DemoContent,
               topic: Topic, theme: str, area: str, figures: Figures) -> list[Draw]:
    """The draws of every step of a campaign, in SOP order."""
    draws = []
    for act in sop.activities:
        people = team[act.lane]
        field_work = act.standard_minutes >= 60
        roll = rng.random()
        if roll < 0.72:
            factor = rng.uniform(0.55, 1.0)
        elif roll < 0.92:
            factor = rng.uniform(1.02, 1.5)
        else:
            factor = rng.uniform(1.5, 1.7 if field_work else 3.0)
        duration = timedelta(seconds=max(60, round(act.standard_minutes * 60 * factor)))
        if act.no == 1:
            gap = minutes(rng, 3, 90) if rng.random() < 0.75 else minutes(rng, 120, 1440)
        elif field_work:
            gap = minutes(rng, 15, 60)
        else:
            roll = rng.random()
            gap = (minutes(rng, 1, 15) if roll < 0.8 else minutes(rng, 15, 90) if roll < 0.98
                   else minutes(rng, 120, 1080))
        jitter = minutes(rng, 0, 60)
        reopen = None
        if act.no > 1 and rng.random() < REOPEN_CHANCE.get(act.no, 0.02):
            reason = pick(rng, texts.reopen_reasons.get(act.no, texts.reopen_reasons_other_steps))
            extra = timedelta(seconds=max(60, round(act.standard_minutes * 60 * rng.uniform(0.2, 0.8))))
            reopen = (minutes(rng, 2, 30), extra, reason)
        assignee = pick(rng, people)
        actor_start = assignee if rng.random() < 0.9 else pick(rng, people)
        actor_finish = assignee if rng.random() < 0.9 else pick(rng, people)
        marks = tuple((item, rng.uniform(0.05, 0.95)) for item in range(len(act.kelengkapan))
                      if rng.random() < 0.85)
        text = note(rng, act.no, topic, theme, area, figures, texts)
        draws.append(Draw(gap, jitter, duration, reopen, assignee, actor_start, actor_finish, marks, text))
    return draws


def with_pauses(rng: random.Random, sop: Sop, draws: Sequence[Draw], reasons: Sequence[str]) -> list[Draw]:
    """Some steps paused once mid-work (field work more often), drawn from their own ``rng``
    so the other draws of a seed stay as they were."""
    result = []
    for act, d in zip(sop.activities, draws):
        chance = 0.15 if act.standard_minutes >= 60 else 0.04
        if rng.random() < chance:
            d = replace(d, pause=(rng.uniform(0.2, 0.8), minutes(rng, 10, 70), pick(rng, reasons)))
        result.append(d)
    return result


def plan(created: datetime, draws: Sequence[Draw]) -> tuple[list[StepPlan], datetime]:
    """Steps done in order from ``created``, in office hours; returns them and the last time."""
    plans = []
    t = created
    for d in draws:
        held = d.pause[1] if d.pause else timedelta(0)
        start = office(t + d.gap, d.duration + held, d.jitter)
        finish = start + d.duration + held
        events: list[Event] = [("start", start, d.actor_start, None)]
        marks = [(item, start + d.duration * frac, d.assignee) for item, frac in d.marks]
        if d.pause is not None:
            frac, length, reason = d.pause
            paused = start + d.duration * frac
            events += [("pause", paused, d.actor_start, reason), ("resume", paused + length, d.actor_start, None)]
            marks = [(item, at + length if at > paused else at, by) for item, at, by in marks]
        events.append(("finish", finish, d.actor_finish, None))
        t = finish
        if d.reopen is not None:
            after, extra, reason = d.reopen
            again = finish + after
            t = again + extra
            events += [("reopen", again, d.actor_finish, reason), ("finish", t, d.actor_finish, None)]
        plans.append(StepPlan(events, marks))
    return plans, max(t, created + timedelta(minutes=3))


def plan_before(created: datetime, draws: Sequence[Draw], latest: datetime,
                compact: bool = False) -> tuple[datetime, list[StepPlan], datetime]:
    """Plan ``draws`` to end by ``latest``, moving the creation back a workday at a time.

    ``compact`` first moves an early creation forward, so the planned steps end within
    about a day of ``latest`` (a campaign in progress rather than one stalled for weeks).
    Returns the (possibly moved) creation, the plans and their last time.
    """
    plans, end = plan(created, draws)
    slack = (latest - end).days - 1
    if compact and slack > 0:
        created += timedelta(days=slack)
        while created.weekday() >= 5:
            created -= timedelta(days=1)
        plans, end = plan(created, draws)
    for _ in range(400):
        if end <= latest:
            break
        created = previous_workday(created)
        plans, end = plan(created, draws)
    return created, plans, end


def fitting_step(sop: Sop, now: datetime, k: int, fraction: float) -> int:
    """Step ``k``, or the next one that can have run ``fraction`` of its standard since the
    office opened today (so a step running at ``now`` did not start before dawn)."""
    opened = datetime.combine(now.date(), DAY_START, tzinfo=WIB)
    if now.weekday() >= 5 or now < opened:
        return k
    count = len(sop.activities)
    for shift in range(count):
        candidate = (k - 1 + shift) % count + 1
        if sop.activities[candidate - 1].standard_minutes * 60 * fraction <= (now - opened).total_seconds():
            return candidate
    return k
