"""What the live chart shows for each step of a campaign, at a moment (no Qt).

For each step: its status (the colour), the label in its symbol (two lines: the working time
and either "/ 20 mnt" against the standard or "+7 mnt 05 dtk" past it), the lines of its
*Aktual* cell (status, working time, wall-clock time) and the tooltip (who did it, when,
pauses, notes). The totals row compares the campaign's working time with the sum of the
standards by the campaign's own rule (:meth:`CampaignRecord.status_against_standard`, as in
the main window). Every figure comes from the stored events
(:class:`~wawaran_desktop.services.records.StepRecord`).

Each step's working time is its whole seconds (``step.elapsed``), told by
:mod:`~wawaran_desktop.text.durations`; the status beside it is judged on the same
seconds, so a figure never contradicts its colour, and the total is those same seconds
added up. The figures of a running step move every second.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from wawaran_desktop.text import durations
from wawaran_desktop.text import formatting as fmt
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, StepRecord
from wawaran_desktop.services.timing import StepState, StepStatus
from wawaran_desktop.sop.schema import Sop

NOTES_SHOWN = 300


class StepView(NamedTuple):
    status: StepStatus
    label: str  # the symbol's lines, joined by "\n" ("" before the start)
    lines: tuple[str, ...]  # the Aktual cell: status, working time, wall-clock time


class TotalView(NamedTuple):
    status: StepStatus
    lines: tuple[str, ...]  # status, working time, the standard, the campaign's span


def symbol_label(elapsed: int, standard_minutes: int, state: StepState) -> str:
    """Two lines: the working time, then ``/ 20 mnt`` within the standard or ``+7 mnt 05 dtk``
    past it (``12 mnt 05 dtk\\n/ 20 mnt``); nothing before the start."""
    if state is StepState.NOT_STARTED:
        return ""
    beyond = durations.over(elapsed, standard_minutes)
    return f"{durations.text(elapsed)}\n{beyond or '/ ' + durations.standard(standard_minutes)}"


def step_view(step: StepRecord, now: datetime) -> StepView:
    state = step.state
    elapsed = step.elapsed(now)
    status = step.status(now)
    label = symbol_label(elapsed, step.standard_minutes, state)
    if state is StepState.NOT_STARTED:
        return StepView(status, label, (status.label,))
    return StepView(status, label, (status.label, f"kerja {durations.text(elapsed)}",
                                    f"jam dinding {durations.text(step.wall_elapsed(now))}"))


def changes_with_time(step: StepRecord) -> bool:
    """Whether the step's figures move while the clock runs (running or paused, not stopped)."""
    return step.stopped_at is None and step.state in (StepState.RUNNING, StepState.PAUSED)


def total_status(record: CampaignRecord, now: datetime) -> StepStatus:
    """The totals row's colour: the campaign's working seconds against the sum of its standards
    (:meth:`CampaignRecord.status_against_standard`, the rule of the main window and the
    documents): a finished campaign is late only when its total is past the limit, however many
    of its steps were late; a cancelled one is stopped (grey) unless it was already late."""
    return record.status_against_standard(now)


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
    status = total_status(record, now)
    if record.status is CampaignStatus.CANCELLED:
        first = record.status.label
    elif record.status is CampaignStatus.DONE:
        first = f"{record.status.label} · {status.label}"
    else:
        first = status.label
    span = campaign_span(record, now)
    return TotalView(status, (first, f"kerja {durations.text(record.elapsed(now))}",
                              f"dari baku {durations.standard(record.standard_total)}",
                              f"rentang {durations.span(span)}" if span is not None else ""))


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
    length = durations.span((end - event.at).total_seconds())  # a break, not work against a standard
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
        elapsed = step.elapsed(now)
        beyond = durations.over(elapsed, step.standard_minutes)
        lines.append(f"Waktu kerja {durations.text(elapsed)} dari baku {durations.standard(step.standard_minutes)}"
                     + (f" ({beyond})" if beyond else "")
                     + f"; jam dinding {durations.text(step.wall_elapsed(now))}")
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
