"""Typed, immutable view of an SOP definition (see resources/sop/*.json).

Named tuples rather than frozen dataclasses: just as immutable, and several times cheaper
to define and to build, which counts at start-up.
"""

from __future__ import annotations

from typing import NamedTuple

ACTIVITY_KINDS = ("start", "process", "decision", "end")


class Lane(NamedTuple):
    """A pelaksana: one swimlane of the chart."""

    id: str
    name: str


class Decision(NamedTuple):
    """The question of a decision activity (a diamond on the chart) and where each answer leads.

    ``yes`` and ``no`` are activity numbers; an answer may lead back to an earlier activity
    (e.g. "Narasi sudah benar?" — no: back to writing the narration).
    """

    question: str
    yes: int
    no: int


class Activity(NamedTuple):
    """One kegiatan with its mutu baku."""

    no: int
    short: str
    title: str
    kind: str
    kelengkapan: tuple[str, ...]
    standard_minutes: int
    output: str
    lane: str
    support_lanes: tuple[str, ...]
    workspace: str | None = None  # which stage workspace records this activity's content
    decision: Decision | None = None  # only for kind "decision"


class Approver(NamedTuple):
    position: str
    name: str
    nip: str
    rank: str = ""  # pangkat/golongan: optional in the file; documents add the office profile's


class Identity(NamedTuple):
    """The identity block (identitas SOP); dates may be blank (None)."""

    government: str
    office: str
    city: str
    sop_number: str
    name: str
    made_date: str | None
    revised_date: str | None
    approved_date: str | None
    approver: Approver


class Sop(NamedTuple):
    """A whole SOP definition. ``checksum`` identifies its exact content."""

    id: str
    version: str
    identity: Identity
    legal_basis: tuple[str, ...]
    qualifications: tuple[str, ...]
    related_sops: tuple[str, ...]
    equipment: tuple[str, ...]
    warnings: tuple[str, ...]
    records: tuple[str, ...]
    lanes: tuple[Lane, ...]
    activities: tuple[Activity, ...]
    checksum: str
    raw: str = ""  # the JSON text, as loaded

    def __repr__(self) -> str:
        return f"Sop(id={self.id!r}, version={self.version!r}, checksum={self.checksum[:12]!r}…)"

    @property
    def standard_total(self) -> int:
        """Sum of the standard minutes of every activity."""
        return sum(a.standard_minutes for a in self.activities)

    def activity(self, no: int) -> Activity:
        for act in self.activities:
            if act.no == no:
                return act
        raise KeyError(no)

    def step_of(self, workspace: str) -> int | None:
        """The number of the activity whose work ``workspace`` records (None: no such activity)."""
        return next((act.no for act in self.activities if act.workspace == workspace), None)

    def lane(self, lane_id: str) -> Lane:
        for lane in self.lanes:
            if lane.id == lane_id:
                return lane
        raise KeyError(lane_id)
