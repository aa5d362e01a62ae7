"""Office hours in WIB: when the demo team is at work (weekdays, 07.30-16.30, lunch 12-13)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from wawaran_desktop.services.clock import WIB

DAY_START = time(7, 30)
LUNCH_START, LUNCH_END = time(12, 0), time(13, 0)
DAY_END = time(16, 30)


def next_workday(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def previous_workday(moment: datetime) -> datetime:
    moment -= timedelta(days=1)
    while moment.weekday() >= 5:
        moment -= timedelta(days=1)
    return moment


def office(moment: datetime, duration: timedelta, jitter: timedelta) -> datetime:
    """The first plausible WIB office-hours start at or after ``moment`` for a task of ``duration``.

    ``jitter`` is how long after the office opens work resumes (a quarter of it after lunch).
    """
    for _ in range(8):
        day, tod = moment.date(), moment.time()
        if day.weekday() >= 5:
            day = next_workday(day)
        elif tod < DAY_START:
            pass
        elif LUNCH_START <= tod < LUNCH_END:
            return datetime.combine(day, LUNCH_END, tzinfo=WIB) + jitter / 4
        elif moment + duration > datetime.combine(day, DAY_END, tzinfo=WIB):
            day = next_workday(day)
        else:
            return moment
        moment = datetime.combine(day, DAY_START, tzinfo=WIB) + jitter
    return moment
