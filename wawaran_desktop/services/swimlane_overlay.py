"""What the live chart shows for each step of a campaign, at a moment (no Qt).

For each step: its status (the colour), the label in its symbol ("12 / 20 mnt", or "+7 mnt"
past the standard), the lines of its *Aktual* cell (status, working time — to the second
while it runs — and wall-clock time), and the tooltip (who did it, when, pauses, notes).
The totals row compares the campaign's working time with the sum of the standards. Every
figure comes from the stored events (:class:`~wawaran_desktop.services.records.StepRecord`).
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import NamedTuple

from wawaran_desktop.services import formatting as fmt
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, StepRecord
from wawaran_desktop.services.timing import StepState, StepStatus
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
    """``12 / 20 mnt`` against the standard, ``+7 mnt`` once past it; nothing before the start."""
    if state is StepState.NOT_STARTED:
        return ""
    over = elapsed - standard_minutes * 60
    if over > 0:
        return f"+{max(1, math.ceil(over / 60))} mnt"
    return f"{whole_minutes(elapsed)} / {standard_minutes} mnt"


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


def total_view(record: CampaignRecord, now: datetime) -> TotalView:
    elapsed = record.elapsed(now)
    status = record.status_against_standard(now)
    first = record.status.label if record.status in (CampaignStatus.CANCELLED, CampaignStatus.DONE) \
        else status.label
    return TotalView(status, (first, f"kerja {whole_minutes(elapsed)} / {record.standard_total} mnt",
                              f"jam dinding {whole_minutes(record.wall_elapsed(now))} mnt"))


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
    for pause in step.pauses:
        lines.append(f"Jeda {fmt.clock_time(pause.at)} WIB oleh {pause.actor_name}: {pause.reason or '-'}")
    if step.stopped_at is not None:
        lines.append(f"Kampanye dibatalkan {fmt.date_time(step.stopped_at)}")
    notes = step.notes.strip()
    if notes:
        shown = notes if len(notes) <= NOTES_SHOWN else notes[:NOTES_SHOWN].rstrip() + "…"
        lines.append(f"Catatan: {shown}")
    lines.append("Klik untuk membuka tab tahap ini.")
    return "\n".join(lines)
