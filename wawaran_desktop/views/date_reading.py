"""Reading a date or a time the way office staff type it (Qt-free, used by views/date_typing.py).

Dates are day, month, year (the Indonesian order): ``03122026``, ``3/12/2026``, ``03-12-2026``,
``3 12 2026``, ``3.12.26``; times are hour and minute: ``0930``, ``930``, ``9.30``, ``09:30``, ``9``;
a date-time is a date then a time: ``03122026 0930``, ``3/12/2026 9.30``, ``031220260930``.
Anything else, or a day that is not in the calendar, raises :class:`Refused` with a message in
Indonesian that says what to type; a value is never guessed when two readings are possible.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, time

DATE_HINT = "hh/bb/tttt"  # hari/bulan/tahun
TIME_HINT = "jj.mm"  # jam.menit
DATE_EXAMPLE = "03122026 atau 3/12/2026"
TIME_EXAMPLE = "0930 atau 9.30"
#: What may separate the parts of a typed date or time (besides digits nothing is taken).
SEPARATORS = "/-.:, "

_GROUPS = re.compile(r"\d+")


class Refused(ValueError):
    """What was typed is no date or time; ``str(exc)`` tells the person what to type."""


@dataclass(frozen=True)
class Kind:
    """What a field holds: a date, a time of day, or both."""

    date: bool
    time: bool

    @property
    def hint(self) -> str:
        return " ".join(h for h, on in ((DATE_HINT, self.date), (TIME_HINT, self.time)) if on)

    @property
    def example(self) -> str:
        if self.date and self.time:
            return "03122026 0930 atau 3/12/2026 9.30"
        return DATE_EXAMPLE if self.date else TIME_EXAMPLE

    @property
    def what(self) -> str:
        return "tanggal dan jam" if self.date and self.time else "tanggal" if self.date else "jam"


DATE, TIME, DATE_TIME = Kind(True, False), Kind(False, True), Kind(True, True)


def _unreadable(text: str, kind: Kind) -> Refused:
    return Refused(f"“{text.strip()}” tidak terbaca sebagai {kind.what}. Ketik {kind.hint}, "
                   f"mis. {kind.example}.")


def _year(digits: str, text: str, kind: Kind) -> int:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        return 2000 + int(digits)
    raise Refused(f"Tahun pada “{text.strip()}” ditulis dengan 4 angka (atau 2), mis. {kind.example}.")


def _exists(day: int, month: int, year: int) -> bool:
    return 1 <= month <= 12 and 1 <= year <= 9999 and 1 <= day <= calendar.monthrange(year, month)[1]


def _impossible_date(day: int, month: int, year: int) -> Refused:
    if not 1 <= month <= 12:
        return Refused(f"Tanggal {day:02d}/{month:02d}/{year} tidak ada: bulan ditulis 01 sampai 12.")
    return Refused(f"Tanggal {day:02d}/{month:02d}/{year} tidak ada di kalender.")


def _compact_date(digits: str, text: str, year: int | None, kind: Kind) -> date:
    """A date typed without separators: ddmmyyyy, ddmmyy, ddmm; an odd count of digits leaves
    the day or the month one digit long, read only when just one of the two readings exists."""
    n = len(digits)
    if n in (8, 6, 4):
        day, month = int(digits[:2]), int(digits[2:4])
        full = _need_year(year, text, kind) if n == 4 else _year(digits[4:], text, kind)
        if not _exists(day, month, full):
            raise _impossible_date(day, month, full)
        return date(full, month, day)
    if n in (7, 5, 3):
        full = _need_year(year, text, kind) if n == 3 else _year(digits[3:], text, kind)
        readings = [(int(digits[:cut]), int(digits[cut:3])) for cut in (1, 2)]
        found = [date(full, m, d) for d, m in readings if _exists(d, m, full)]
        if len(found) == 1:
            return found[0]
        if found:
            raise Refused(f"“{text.strip()}” bisa dibaca {found[0]:%d/%m/%Y} atau {found[1]:%d/%m/%Y}: "
                          f"ketik {DATE_HINT} dengan angka lengkap, mis. {DATE_EXAMPLE}.")
    raise _unreadable(text, kind)


def _need_year(year: int | None, text: str, kind: Kind) -> int:
    if year is None:
        raise Refused(f"Ketik juga tahunnya: {kind.hint}, mis. {kind.example}.")
    return year


def read_date(text: str, year: int | None = None, kind: Kind = DATE, typed: str | None = None) -> date:
    """The date in ``text`` (day, month, year); ``year`` is taken when only day and month are
    typed (the year the field shows), None to require it; ``typed``: what a message quotes."""
    groups = _GROUPS.findall(text)
    text = typed or text
    if len(groups) == 1:
        return _compact_date(groups[0], text, year, kind)
    if len(groups) not in (2, 3) or any(len(g) > 2 for g in groups[:2]):
        raise _unreadable(text, kind)
    day, month = int(groups[0]), int(groups[1])
    full = _year(groups[2], text, kind) if len(groups) == 3 else _need_year(year, text, kind)
    if not _exists(day, month, full):
        raise _impossible_date(day, month, full)
    return date(full, month, day)


def read_time(text: str, kind: Kind = TIME) -> time:
    """The time of day in ``text`` (hour and minute, 24-hour clock)."""
    groups = _GROUPS.findall(text)
    if len(groups) == 1:
        digits = groups[0]
        if len(digits) <= 2:
            hour, minute = int(digits), 0
        elif len(digits) in (3, 4):
            hour, minute = int(digits[:-2]), int(digits[-2:])
        else:
            raise _unreadable(text, kind)
    elif len(groups) == 2 and len(groups[0]) <= 2:
        if len(groups[1]) != 2:
            raise Refused(f"Menit ditulis dengan 2 angka, mis. {TIME_EXAMPLE} (bukan “{text.strip()}”).")
        hour, minute = int(groups[0]), int(groups[1])
    else:
        raise _unreadable(text, kind)
    if hour > 23 or minute > 59:
        raise Refused(f"Jam {hour:02d}.{minute:02d} tidak ada: jam ditulis 00 sampai 23, menit 00 sampai 59.")
    return time(hour, minute)


def read_date_time(text: str, year: int | None = None) -> tuple[date, time]:
    """The date and the time in ``text``: a date as :func:`read_date` reads it, then a time."""
    groups = _GROUPS.findall(text)
    if not groups:
        raise _unreadable(text, DATE_TIME)
    if len(groups) == 1:  # all of it in one run of digits: ddmmyyyy then hhmm (or hmm)
        digits = groups[0]
        if len(digits) not in (11, 12):
            if len(digits) in (8, 6):
                raise Refused(f"Ketik juga jamnya: {DATE_TIME.hint}, mis. {DATE_TIME.example}.")
            raise _unreadable(text, DATE_TIME)
        date_part, time_part = [digits[:8]], [digits[8:]]
    elif len(groups[0]) >= 3:  # a date without separators, then the time
        date_part, time_part = groups[:1], groups[1:]
    else:
        date_part, time_part = groups[:3], groups[3:]
    if not time_part:
        raise Refused(f"Ketik juga jamnya: {DATE_TIME.hint}, mis. {DATE_TIME.example}.")
    return (read_date(" ".join(date_part), year, DATE_TIME, text), read_time(" ".join(time_part), DATE_TIME))


def read(text: str, kind: Kind, year: int | None = None) -> tuple[date | None, time | None]:
    """What ``text`` says for a field of ``kind``: (date, time), each None when the field has none."""
    if kind.date and kind.time:
        return read_date_time(text, year)
    if kind.date:
        return read_date(text, year), None
    return None, read_time(text)
