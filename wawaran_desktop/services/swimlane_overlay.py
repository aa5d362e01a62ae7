"""What the live chart shows for each step of a campaign, at a moment (no Qt).

For each step: its status (the colour), the label in its symbol ("12 / 20 mnt", or "+7 mnt"
past the standard), the lines of its *Aktual* cell (status, working time — to the second
while it runs — and wall-clock time), and the tooltip (who did it, when, pauses, notes).
The totals row compares the campaign's working time with the sum of the standards. Every
figure comes from the stored events (:class:`~wawaran_desktop.services.records.StepRecord`).

Working time is cut to whole minutes once per step, and every minute figure (the symbol's
"+N mnt", the cell's "kerja", the totals) is derived from those numbers, so they agree and
the steps add up to the total.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from wawaran_desktop.services import formatting as fmt
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, StepRecord
from wawaran_desktop.services.timing import StepState, StepStatus, status_of
from wawaran_desktop.sop.schema import Sop

NOTES_SHOWN = 300


class StepView(NamedTuple):
    status: StepStatus
    label: str
    lines: tuple[str, ...]  # the Aktual cell: status, working time, wall-clock time


class TotalView(NamedTuple):
    status: StepStatus
    lines: tuple[str, ...]


def whole_minutes(seconds: float) -> int:
    return int(max(0.0, seconds) // 60)


def symbol_label(elapsed: float, standard_minutes: int, state: StepState) -> str:
    """``12 / 20 mnt`` against the standard, ``+7 mnt`` once past it (whole minutes, as in the
    cell's "kerja 27 mnt"); nothing before the start."""
    if state is StepState.NOT_STARTED:
        return ""
    minutes = whole_minutes(elapsed)
    if minutes > standard_minutes:
        return f"+{minutes - standard_minutes} mnt"
    return f"{minutes} / {standard_minutes} mnt"


def step_view(step: StepRecord, now: datetime) -> StepView:
    state = step.state
    elapsed = step.elapsed(now)
    status = step.status(now)
    label = symbol_label(elapsed, step.standard_minutes, state)
    if state is StepState.NOT_STARTED:
        return StepView(status, label, (status.label,))
    live = state in (StepState.RUNNING, StepState.PAUSED) and step.stopped_at is None
    working = f"kerja {fmt.duration(elapsed)}" if live else f"kerja {whole_minutes(elapsed)} mnt"
    wall = f"jam dinding {whole_minutes(step.wall_elapsed(now))} mnt"
    return StepView(status, label, (status.label, working, wall))


def changes_with_time(step: StepRecord) -> bool:
    """Whether the step's figures move while the clock runs (running or paused, not stopped)."""
    return step.stopped_at is None and step.state in (StepState.RUNNING, StepState.PAUSED)


def total_status(record: CampaignRecord, now: datetime) -> StepStatus:
    """The totals row's colour: grey once cancelled; late when a started step is late or the
    working minutes exceed the standards of the steps started so far; paused when every
    active step is paused; otherwise as the working time compares with those standards."""
    started = [s for s in record.steps if s.state is not StepState.NOT_STARTED]
    if record.status is CampaignStatus.CANCELLED or not started:
        return StepStatus.NOT_STARTED
    worked = sum(whole_minutes(s.elapsed(now)) for s in started)
    standard = sum(s.standard_minutes for s in started)
    if worked > standard or any(s.status(now) is StepStatus.LATE for s in started):
        return StepStatus.LATE
    active = [s for s in started if s.state is not StepState.FINISHED and s.stopped_at is None]
    if active and all(s.state is StepState.PAUSED for s in active):
        return StepStatus.PAUSED
    if not active:
        return StepStatus.ON_TIME
    return status_of(StepState.RUNNING, worked * 60, standard)


def campaign_span(record: CampaignRecord, now: datetime) -> float | None:
    """Seconds from the first start to the last finish (to ``now`` while the campaign runs,
    to the cancellation once cancelled); None before any start."""
    moments = [e.at for s in record.steps for e in s.events]
    if not moments:
        return None
    if record.status is CampaignStatus.RUNNING:
        end = now
    elif record.status is CampaignStatus.CANCELLED:
        end = record.cancelled_at or max(moments)
    else:
        end = max(moments)
    return max(0.0, (end - min(moments)).total_seconds())




def total_view(record: CampaignRecord, now: datetime) -> TotalView:
    worked = sum(whole_minutes(s.elapsed(now)) for s in record.steps)  # the cells' minutes, added up
    status = total_status(record, now)
    first = record.status.label if record.status in (CampaignStatus.CANCELLED, CampaignStatus.DONE) \
        else status.label
    span = campaign_span(record, now)
    return TotalView(status, (first, f"kerja {worked} / {record.standard_total} mnt",
                              f"rentang {fmt.span_text(span)}" if span is not None else ""))


def pause_text(step: StepRecord, index: int, now: datetime) -> str:
    """``Jeda 14.49 WIB s.d. 15.27 (38 mnt) oleh …: alasan``, with the date where it changes."""
    event = step.events[index]
    begun = step.started_at or event.at
    when = fmt.clock_time(event.at) if fmt.short_date(event.at) == fmt.short_date(begun) \
        else f"{fmt.short_date(event.at)} {fmt.clock_time(event.at)}"
    after = next((e for e in step.events[index + 1:]), None)
    end = after.at if after is not None else (step.stopped_at or now)
    until = fmt.clock_time(end) if fmt.short_date(end) == fmt.short_date(event.at) \
        else f"{fmt.short_date(end)} {fmt.clock_time(end)}"
    length = fmt.minutes_text((end - event.at).total_seconds())
    span = f"s.d. {until} ({length})" if after is not None or step.stopped_at is not None \
        else f"masih dijeda ({length})"
    return f"Jeda {when} WIB {span} oleh {event.actor_name}: {event.reason or '-'}"


def lanes_text(sop: Sop, step: StepRecord) -> str:
    act = step.activity
    main = sop.lane(act.lane).name
    if not act.support_lanes:
        return main
    return f"{main} (bersama {', '.join(sop.lane(x).name for x in act.support_lanes)})"


def step_tooltip(sop: Sop, step: StepRecord, now: datetime) -> str:
    """Plain text shown on hover: the activity, who did it, when (WIB), times, pauses, notes."""
    act = step.activity
    lines = [f"{act.no}. {act.title}", f"Pelaksana: {lanes_text(sop, step)}",
             f"Petugas: {step.assignee_name or '— belum ditugaskan —'}"]
    if act.decision is not None:
        lines.insert(1, f"Keputusan: {act.decision.question} (Ya: ke kegiatan {act.decision.yes}; "
                        f"Tidak: ke kegiatan {act.decision.no})")
    starts = [e for e in step.events if e.kind in ("start", "reopen")]
    if starts:
        first = starts[0]
        lines.append(f"Mulai: {fmt.date_time(first.at)} oleh {first.actor_name}")
        if len(starts) > 1:
            lines.append(f"Dibuka kembali {len(starts) - 1}× (terakhir {fmt.date_time(starts[-1].at)} "
                         f"oleh {starts[-1].actor_name})")
    if step.finished_at is not None:
        last = step.events[-1]
        lines.append(f"Selesai: {fmt.date_time(last.at)} oleh {last.actor_name}")
    if step.state is not StepState.NOT_STARTED:
        lines.append(f"Waktu kerja {fmt.minutes_text(step.elapsed(now))} dari baku {step.standard_minutes} mnt; "
                     f"jam dinding {fmt.minutes_text(step.wall_elapsed(now))}")
        lines.append(f"Status: {step.status(now).label}")
    for i, event in enumerate(step.events):
        if event.kind == "pause":
            lines.append(pause_text(step, i, now))
    if step.stopped_at is not None:
        lines.append(f"Kampanye dibatalkan {fmt.date_time(step.stopped_at)}")
    notes = step.notes.strip()
    if notes:
        shown = notes if len(notes) <= NOTES_SHOWN else notes[:NOTES_SHOWN].rstrip() + "…"
        lines.append(f"Catatan: {shown}")
    lines.append("Klik untuk membuka tab tahap ini.")
    return "\n".join(lines)
