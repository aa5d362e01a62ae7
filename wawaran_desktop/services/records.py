"""Plain, immutable results the services hand to views and the command line (named tuples)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import NamedTuple

from wawaran_desktop.services import timing
from wawaran_desktop.sop import Activity, Sop


class CampaignStatus(Enum):
    DRAFT = "draft"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            CampaignStatus.DRAFT: "Belum dimulai",
            CampaignStatus.RUNNING: "Berjalan",
            CampaignStatus.DONE: "Selesai",
            CampaignStatus.CANCELLED: "Dibatalkan",
        }[self]


class StaffRecord(NamedTuple):
    id: int
    name: str
    nip: str | None
    position: str
    lane: str
    active: bool
    rank: str = ""  # pangkat/golongan, "" when the person has none (or it is not recorded)
    version: int = 0  # the stored version an edit names (services/versions.py)


class EventRecord(NamedTuple):
    kind: str  # start, finish, reopen, pause, resume
    at: datetime  # aware UTC
    actor_id: int
    actor_name: str
    reason: str | None


class StepRecord(NamedTuple):
    no: int
    activity: Activity
    standard_minutes: int
    assignee_id: int | None
    assignee_name: str | None
    notes: str
    events: tuple[EventRecord, ...]
    checked: frozenset[int]
    limits: timing.Thresholds  # the office's at-risk and late thresholds, for its status
    stopped_at: datetime | None = None  # the campaign was cancelled: time stops here
    notes_version: int = 0  # the version of ``notes`` as read (services/versions.py); 0: not read from a step row

    @property
    def state(self) -> timing.StepState:
        return timing.state_of([e.kind for e in self.events])

    @property
    def intervals(self) -> list[timing.Interval]:
        return timing.intervals((e.kind, e.at) for e in self.events)

    @property
    def started_at(self) -> datetime | None:
        return self.events[0].at if self.events else None

    @property
    def finished_at(self) -> datetime | None:
        if self.state is timing.StepState.FINISHED:
            return self.events[-1].at
        return None

    def elapsed(self, now: datetime) -> int:
        """Whole working seconds (pauses excluded): what the standard is compared with."""
        if self.stopped_at is not None:
            now = min(now, self.stopped_at)
        return timing.elapsed_seconds(self.intervals, now)

    def wall_elapsed(self, now: datetime) -> int:
        """Whole wall-clock seconds of the step's runs, pauses included."""
        if self.stopped_at is not None:
            now = min(now, self.stopped_at)
        return timing.elapsed_seconds(timing.wall_intervals((e.kind, e.at) for e in self.events), now)

    @property
    def pauses(self) -> tuple[EventRecord, ...]:
        """The pause events, each with its reason."""
        return tuple(e for e in self.events if e.kind == "pause")

    def status(self, now: datetime) -> timing.StepStatus:
        status = timing.status_of(self.state, self.elapsed(now), self.standard_minutes, self.limits)
        return status if self.stopped_at is None else timing.stopped(status, self.state)


class CampaignSummary(NamedTuple):
    id: int
    title: str
    theme: str
    status: CampaignStatus
    current_no: int
    created_at: datetime


class CampaignRecord(NamedTuple):
    id: int
    title: str
    theme: str
    status: CampaignStatus
    current_no: int
    created_at: datetime
    created_by_name: str
    cancelled_at: datetime | None
    cancel_reason: str | None
    sop: Sop
    steps: tuple[StepRecord, ...]
    limits: timing.Thresholds  # as its steps'
    version: int = 0  # the stored version of its title and theme a rename names (services/versions.py)

    @property
    def standard_total(self) -> int:
        return sum(s.standard_minutes for s in self.steps)

    def step(self, no: int) -> StepRecord:
        return self.steps[no - 1]

    def summary(self) -> CampaignSummary:
        """The campaign as one row of the campaign list."""
        return CampaignSummary(id=self.id, title=self.title, theme=self.theme, status=self.status,
                               current_no=self.current_no, created_at=self.created_at)

    def elapsed(self, now: datetime) -> int:
        """Whole working seconds of the campaign: the sum of its steps' (as every total)."""
        return sum(s.elapsed(now) for s in self.steps)

    def wall_elapsed(self, now: datetime) -> int:
        return sum(s.wall_elapsed(now) for s in self.steps)

    def status_against_standard(self, now: datetime) -> timing.StepStatus:
        """The whole campaign's working time against the sum of the standards."""
        states = {s.state for s in self.steps}
        states = {timing.StepState.RUNNING if s is timing.StepState.PAUSED else s for s in states}
        if states == {timing.StepState.NOT_STARTED}:
            state = timing.StepState.NOT_STARTED
        elif states == {timing.StepState.FINISHED}:
            state = timing.StepState.FINISHED
        else:
            state = timing.StepState.RUNNING
        status = timing.status_of(state, self.elapsed(now), self.standard_total, self.limits)
        return timing.stopped(status, state) if self.status is CampaignStatus.CANCELLED else status
