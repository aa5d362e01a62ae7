"""Indonesian formats for dates, times and numbers, as official documents write them (lengths of
time: text/durations.py)."""

from __future__ import annotations

from datetime import date, datetime

from wawaran_desktop.services.clock import to_wib

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)


def long_date(day: date | datetime) -> str:
    """``Kamis, 26 November 2026`` (an aware datetime is first shown in WIB)."""
    if isinstance(day, datetime):
        day = to_wib(day).date() if day.tzinfo else day.date()
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | datetime) -> str:
    """``26 November 2026``."""
    if isinstance(day, datetime):
        day = to_wib(day).date() if day.tzinfo else day.date()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def clock_time(moment: datetime) -> str:
    """``15.00`` in WIB."""
    local = to_wib(moment)
    return f"{local.hour:02d}.{local.minute:02d}"


def date_time(moment: datetime) -> str:
    """``26 November 2026 pukul 15.00 WIB``."""
    return f"{short_date(moment)} pukul {clock_time(moment)} WIB"


def long_date_time(moment: datetime) -> str:
    """``Kamis, 26 November 2026 pukul 15.00 WIB``."""
    return f"{long_date(moment)} pukul {clock_time(moment)} WIB"


def thousands(number: int) -> str:
    """``1020`` -> ``1.020`` (Indonesian thousands separator)."""
    return f"{number:,}".replace(",", ".")


def nip_display(nip: str | None) -> str:
    """``197301041997032001`` -> ``19730104 199703 2 001``."""
    if not nip:
        return ""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
