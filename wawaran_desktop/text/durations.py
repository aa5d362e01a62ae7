"""Lengths of time as the office reads them: the one place seconds become words and figures.

The rule (the same on every window and document):

* Working time is kept in **whole seconds**: the stored events' exact sum, cut to the
  second (:func:`whole`). The status (on time, at risk, late) is judged on those same whole
  seconds (:mod:`~wawaran_desktop.services.timing`), so a figure and the status beside it
  can never disagree.
* It is told in **minutes and seconds**: ``5 mnt 39 dtk`` on screens and in tables (and
  ``20 mnt 00 dtk``: the same text everywhere, spreadsheets included),
  ``5 menit 39 detik`` in running text. Whole minutes alone (floored or rounded) would put
  "5 / 5 mnt" beside *Terlambat*, and minutes with a decimal cannot say exactly where a limit
  such as 113% of 5 minutes (5 mnt 39 dtk) lies; minutes and seconds can, and they add up:
  a total is the sum of the figures above it. Standards stay in whole minutes (``20 mnt``).
* Spreadsheets get real durations (a fraction of a day, formatted as minutes and seconds),
  so they sum and average in Excel and show the same figures. Excel cannot show a negative
  duration, so a difference from the standard is given as the time *past* it (never below 0).
* A length of calendar time that is not compared with a standard (a campaign's span, a
  break in the timeline) reads in the largest sensible units: ``2 j 05 mnt``, ``2 hari 3 jam``.
"""

from __future__ import annotations

#: The Excel number format of a duration cell: elapsed minutes and seconds, as :func:`text`
#: ("0 mnt 00 dtk" too).
EXCEL_FORMAT = '[m]" mnt "ss" dtk"'
#: The format of a time *past* the standard: "–" when there is none.
EXCEL_OVER_FORMAT = '[m]" mnt "ss" dtk";;"–"'


def whole(seconds: float) -> int:
    """Whole seconds, cut down (never negative): the quantity every figure and status uses."""
    return max(0, int(seconds // 1))


def _parts(seconds: float) -> tuple[int, int]:
    return divmod(whole(seconds), 60)


def text(seconds: float) -> str:
    """``5 mnt 39 dtk``, ``20 mnt 00 dtk``, ``0 mnt 45 dtk``: always minutes and two-digit
    seconds, as a spreadsheet's duration cell shows them, so the same figure reads the same on
    every window and document; minutes never turn into hours, so every figure reads against a
    standard in minutes (``134 mnt 20 dtk`` against 120 mnt)."""
    minutes, secs = _parts(seconds)
    return f"{minutes} mnt {secs:02d} dtk"


def words(seconds: float) -> str:
    """The same figure in running text: ``5 menit 39 detik``, ``5 menit``, ``45 detik``."""
    minutes, secs = _parts(seconds)
    if not minutes:
        return f"{secs} detik"
    return f"{minutes} menit {secs} detik" if secs else f"{minutes} menit"


def standard(minutes: int) -> str:
    """A standard (whole minutes): ``20 mnt``."""
    return f"{minutes} mnt"


def against(seconds: float, standard_minutes: int) -> str:
    """``12 mnt 05 dtk / 20 mnt``."""
    return f"{text(seconds)} / {standard(standard_minutes)}"


def over(seconds: float, standard_minutes: int) -> str:
    """How far past the standard: ``+7 mnt 05 dtk`` (``""`` when not past it)."""
    extra = whole(seconds) - standard_minutes * 60
    return f"+{text(extra)}" if extra > 0 else ""


def excel(seconds: float) -> float:
    """A spreadsheet duration (days) of the whole seconds, for a cell of :data:`EXCEL_FORMAT`."""
    return whole(seconds) / 86_400


def span(seconds: float) -> str:
    """Calendar time not compared with a standard: ``45 mnt``, ``2 j 05 mnt``, ``17 jam``,
    ``2 hari 3 jam`` (whole minutes cut down, like every other figure)."""
    minutes = whole(seconds) // 60
    if minutes < 60:
        return f"{minutes} mnt"
    hours, rest = divmod(minutes, 60)
    if hours < 6:
        return f"{hours} j {rest:02d} mnt"
    if hours < 48:
        return f"{hours} jam"
    days, hours = divmod(hours, 24)
    return f"{days} hari {hours} jam"
