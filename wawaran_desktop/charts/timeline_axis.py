"""A time axis whose long idle stretches (nights, waits between steps) are drawn as breaks.

A campaign's nine steps take about three hours of work but usually spread over a day or two
(the disposition waits for the next morning, the car leaves after lunch). A linear axis would
squeeze the work into slivers; this axis keeps every stretch in which something happens at
its true scale and replaces each idle stretch longer than :data:`GAP_MINUTES` with a break of
fixed width (:data:`BREAK_MINUTES`), drawn with a zigzag and its real length.

A view places a moment with :meth:`TimeAxis.x`, giving its pixels per minute and the width
of a break.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

from wawaran_desktop.services.clock import to_wib

GAP_MINUTES = 60.0  # an idle stretch longer than this becomes a break
BREAK_MINUTES = 8.0  # default width of a break, in minutes of the true scale
MARGIN_MINUTES = 5.0  # room before the first and after the last covered moment


class Span(NamedTuple):
    """A stretch of time, both ends aware."""

    start: datetime
    end: datetime

    @property
    def seconds(self) -> float:
        return (self.end - self.start).total_seconds()


class AxisPiece(NamedTuple):
    start: datetime
    end: datetime
    compressed: bool  # an idle stretch drawn as a break

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60


class TimeAxis(NamedTuple):
    """Pieces at true scale (``per_minute`` units a minute) and breaks (``break_width`` each)."""

    pieces: tuple[AxisPiece, ...]

    @property
    def start(self) -> datetime | None:
        return self.pieces[0].start if self.pieces else None

    @property
    def end(self) -> datetime | None:
        return self.pieces[-1].end if self.pieces else None

    @property
    def breaks(self) -> tuple[AxisPiece, ...]:
        return tuple(p for p in self.pieces if p.compressed)

    @property
    def true_minutes(self) -> float:
        """Minutes drawn at true scale (the breaks left out)."""
        return sum(p.minutes for p in self.pieces if not p.compressed)

    def length(self, per_minute: float = 1.0, break_width: float = BREAK_MINUTES) -> float:
        return self.true_minutes * per_minute + len(self.breaks) * break_width

    def piece_at(self, index: int, per_minute: float = 1.0, break_width: float = BREAK_MINUTES) -> float:
        """Where piece ``index`` begins."""
        return sum(break_width if p.compressed else p.minutes * per_minute for p in self.pieces[:index])

    def x(self, moment: datetime, per_minute: float = 1.0, break_width: float = BREAK_MINUTES) -> float:
        """Position of ``moment``: 0 before the axis; past its end extrapolated at true scale."""
        if not self.pieces or moment <= self.pieces[0].start:
            return 0.0
        index = max(0, bisect_right([p.start for p in self.pieces], moment) - 1)
        piece = self.pieces[index]
        at = self.piece_at(index, per_minute, break_width)
        minutes = (moment - piece.start).total_seconds() / 60
        if piece.compressed:
            return at + break_width * min(1.0, minutes / piece.minutes)
        return at + minutes * per_minute

    def ticks(self, every_minutes: int) -> list[datetime]:
        """Round WIB times (multiples of ``every_minutes`` since midnight) inside the
        stretches drawn at true scale."""
        result: list[datetime] = []
        step = timedelta(minutes=every_minutes)
        for piece in self.pieces:
            if piece.compressed:
                continue
            moment = ceil_time(piece.start, every_minutes)
            while moment <= piece.end:
                result.append(moment)
                moment += step
        return result


def floor_time(moment: datetime, minutes: int) -> datetime:
    """``moment`` rounded down to a multiple of ``minutes`` since midnight WIB."""
    local = to_wib(moment)
    since_midnight = local.hour * 60 + local.minute
    rounded = local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(
        minutes=since_midnight // minutes * minutes)
    return rounded.astimezone(moment.tzinfo)


def ceil_time(moment: datetime, minutes: int) -> datetime:
    floor = floor_time(moment, minutes)
    return floor if floor == moment else floor + timedelta(minutes=minutes)


def merge(spans: Iterable[Span], tolerance: timedelta = timedelta(0)) -> list[Span]:
    """The union of ``spans``; spans closer than ``tolerance`` join."""
    result: list[Span] = []
    for span in sorted(spans):
        if result and span.start <= result[-1].end + tolerance:
            if span.end > result[-1].end:
                result[-1] = Span(result[-1].start, span.end)
        else:
            result.append(span)
    return result


def build_axis(covered: Iterable[Span], round_minutes: int = 15) -> TimeAxis:
    """An axis over ``covered`` (where something is drawn), its idle stretches as breaks.

    The axis begins and ends on a round time at least :data:`MARGIN_MINUTES` away from the
    first and last covered moment, so it stays the same while a running bar grows within it.
    """
    spans = merge(covered, timedelta(minutes=GAP_MINUTES))
    if not spans:
        return TimeAxis(())
    margin = timedelta(minutes=MARGIN_MINUTES)
    first = floor_time(spans[0].start - margin, round_minutes)
    last = ceil_time(spans[-1].end + margin, round_minutes)
    kept = [Span(first if i == 0 else s.start - margin, last if i == len(spans) - 1 else s.end + margin)
            for i, s in enumerate(spans)]
    pieces: list[AxisPiece] = []
    for i, span in enumerate(kept):
        if i:
            pieces.append(AxisPiece(kept[i - 1].end, span.start, True))
        pieces.append(AxisPiece(span.start, span.end, False))
    return TimeAxis(tuple(pieces))
