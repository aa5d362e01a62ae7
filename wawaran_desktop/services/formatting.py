"""Indonesian formats for dates, times and durations, as official documents write them."""

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


def duration(seconds: float) -> str:
    """A running timer: ``07:05`` (minutes:seconds) or ``1:02:05`` past an hour."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def minutes_text(seconds: float) -> str:
    """Whole minutes for comparisons with the standard: ``12 mnt``."""
    return f"{int(max(0, seconds) // 60)} mnt"


def thousands(number: int) -> str:
    """``1020`` -> ``1.020`` (Indonesian thousands separator)."""
    return f"{number:,}".replace(",", ".")


def nip_display(nip: str | None) -> str:
    """``197301041997032001`` -> ``19730104 199703 2 001``."""
    if not nip:
        return ""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def span_text(seconds: float) -> str:
    """A length of time for a Kabid: ``45 mnt``, ``2 j 05 mnt``, ``17 jam``, ``2 hari 3 jam``.

    Whole minutes rounded down, as everywhere else in the application (a step's figures, the
    campaign's working time in the main window), so the same campaign reads the same.
    """
    minutes = int(max(0.0, seconds) // 60)
    if minutes < 60:
        return f"{minutes} mnt"
    hours, rest = divmod(minutes, 60)
    if hours < 6:
        return f"{hours} j {rest:02d} mnt"
    if hours < 48:
        return f"{hours} jam"
    days, hours = divmod(hours, 24)
    return f"{days} hari {hours} jam"
