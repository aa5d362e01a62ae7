"""Time: stored in UTC (naive in SQLite), shown in WIB (Asia/Jakarta)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone

# Waktu Indonesia Barat: UTC+7 without daylight saving since 1964, so a fixed offset is
# exact for every date the office records, needs no time-zone database and costs nothing
# to load (zoneinfo's Asia/Jakarta gives the same offsets).
WIB = timezone(timedelta(hours=7), "WIB")

#: Gives "now" as an aware datetime. The workspace holds the one clock the application reads
#: (its services, views, documents and command line); tests inject a fake one, and a later
#: source of time (a database server's clock) plugs in there.
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_db(moment: datetime) -> datetime:
    """Aware datetime -> naive UTC for storage."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given where an aware one is required")
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def from_db(value: datetime | str | None) -> datetime | None:
    """Stored naive UTC -> aware UTC."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=timezone.utc)


def to_wib(moment: datetime) -> datetime:
    return moment.astimezone(WIB)


def wib_date(moment: datetime) -> date:
    """The WIB calendar day of an aware moment ("today" is ``wib_date(clock())``), whatever
    zone the machine is set to."""
    return to_wib(moment).date()


def wib_day_start_utc(day: date) -> datetime:
    """The UTC instant at which a WIB calendar day starts."""
    return datetime.combine(day, time.min, tzinfo=WIB).astimezone(timezone.utc)
