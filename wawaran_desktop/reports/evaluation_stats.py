"""The evaluators' figures over many campaigns: rows per campaign, step and stop, and summaries.

Read with a handful of bulk queries (campaigns, steps, events, stops, evaluations), each
over the matching campaigns as a subquery, never one query per campaign: 10,000 campaigns
take a few seconds. Each step is measured with the same :class:`StepRecord` rules as every
view (pauses excluded, the office's thresholds), through :func:`report_data.step_line`: whole
working seconds, so a campaign's time is the sum of its steps' and its status is judged on it
as every view judges it (``CampaignRecord.status_against_standard``).

A campaign's kecamatan (for a pivot or slicer by area) come from its route: the stage 7 stops
once there are any, else the locations planned at the briefing (stage 2), each kelurahan's
kecamatan named from the Kemendagri codes (services/wilayah.py). ``kecamatan`` is the one
with the most stops (the first on the route on a tie), ``kecamatan_all`` every one in route order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from wawaran_desktop.db.models import JOIN, Campaign, Staff, Step, StepEvent, database, fn
from wawaran_desktop.db.stage_models import Evaluation, Location, RouteStop
from wawaran_desktop.reports.report_data import StepLine, StopLine, step_line, stop_line
from wawaran_desktop.services import sop_registry, wilayah
from wawaran_desktop.services.campaigns import CampaignQuery, CampaignService
from wawaran_desktop.services.clock import from_db, to_wib
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, EventRecord, StepRecord
from wawaran_desktop.services.timing import StepStatus, Thresholds
from wawaran_desktop.sop import Sop

Progress = Callable[[int, int, str], None]


class CampaignRow(NamedTuple):
    id: int
    title: str
    theme: str
    status: CampaignStatus
    created_at: datetime  # aware UTC
    created_by: str
    current_no: int
    steps_finished: int
    late_steps: int
    started_at: datetime | None
    finished_at: datetime | None  # the last step's finish, once every step is finished
    standard_minutes: int
    elapsed_seconds: int  # whole working seconds: the sum of the steps'
    time_status: StepStatus  # the working time against the sum of the standards
    stops: int
    visited: int
    flyers: int
    audience: int
    score_timeliness: int | None
    score_reach: int | None
    score_narration: int | None
    kecamatan: str = ""  # the route's main kecamatan (most stops; first on a tie), "" without a route
    kecamatan_all: tuple[str, ...] = ()  # every kecamatan of the route, in route order

    @property
    def over_seconds(self) -> int:
        """Whole seconds past the sum of the standards (0 within it)."""
        return max(0, self.elapsed_seconds - self.standard_minutes * 60)


class StepRow(NamedTuple):
    campaign_id: int
    title: str
    step: StepLine
    #: The lane (its name in the pinned SOP) of the person who last acted on the step, as recorded
    #: with that event (``step_event.actor_lane``): a Kepala Bidang recording the route is a Kepala
    #: Bidang here, while ``step.lane`` stays the SOP's lane for the step; "" when none was recorded.
    actor_lane: str = ""


class StopRow(NamedTuple):
    campaign_id: int
    title: str
    stop: StopLine


class StepSummary(NamedTuple):
    """One SOP step over every campaign: finished steps measured against the standard."""

    no: int
    short: str
    standard_minutes: int
    finished: int
    on_time: int
    late: int  # late now: finished late, or still running/paused past the standard
    average_seconds: float | None  # of finished steps' whole seconds (a spreadsheet cuts it to the second)
    worst_seconds: int | None
    worst_campaign_id: int | None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.finished if self.finished else None


class Stats(NamedTuple):
    date_from: date | None
    date_to: date | None
    status: CampaignStatus | None
    generated_at: datetime
    campaigns: tuple[CampaignRow, ...]
    steps: tuple[StepRow, ...]
    stops: tuple[StopRow, ...]
    per_step: tuple[StepSummary, ...]
    limits: Thresholds  # the office's thresholds every status above was judged by

    def count(self, status: CampaignStatus) -> int:
        return sum(1 for c in self.campaigns if c.status is status)

    @property
    def on_time_rate(self) -> float | None:
        """Finished steps within the standard, over every finished step."""
        finished = sum(s.finished for s in self.per_step)
        return sum(s.on_time for s in self.per_step) / finished if finished else None


def _nothing(done: int, total: int, text: str = "") -> None:
    pass


def collect(now: datetime, date_from: date | None = None, date_to: date | None = None,
            status: CampaignStatus | None = None, text: str = "",
            progress: Progress | None = None, *, limits: Thresholds) -> Stats:
    """Every campaign created from ``date_from`` to ``date_to`` (WIB days, inclusive) that
    matches ``status`` and ``text``, oldest first, measured at ``now`` and judged by the
    office's ``limits``."""
    progress = progress or _nothing
    query = CampaignQuery(text=text, status=status, date_from=date_from, date_to=date_to)
    matching = CampaignService.matching(Campaign.select(Campaign.id), query)
    progress(0, 0, "Membaca kampanye…")
    campaigns = list(database.execute(CampaignService.matching(
        Campaign.select(Campaign.id, Campaign.title, Campaign.theme, Campaign.status, Campaign.current_no,
                        Campaign.created_at, Campaign.cancelled_at, Campaign.sop, Staff.name)
        .join(Staff, JOIN.LEFT_OUTER, on=(Campaign.created_by == Staff.id)), query)
        .order_by(Campaign.created_at, Campaign.id)))
    names = dict(Staff.select(Staff.id, Staff.name).tuples())
    progress(0, 0, "Membaca tahap dan waktunya…")
    events, last_lanes = _events(matching, names)
    steps_of: dict[int, list[tuple]] = {}
    for row in database.execute(Step.select(Step.id, Step.campaign, Step.no, Step.standard_minutes,
                                            Step.assignee, Step.notes)
                                .where(Step.campaign.in_(matching)).order_by(Step.campaign, Step.no)):
        steps_of.setdefault(row[1], []).append(row)
    progress(0, 0, "Membaca rute dan evaluasi…")
    stops_by = _stops(matching)
    planned_by = _planned_kecamatan(matching)
    scores = {row[0]: row[1:] for row in database.execute(
        Evaluation.select(Evaluation.campaign, Evaluation.score_timeliness, Evaluation.score_reach,
                          Evaluation.score_narration).where(Evaluation.campaign.in_(matching)))}

    total = len(campaigns)
    campaign_rows: list[CampaignRow] = []
    step_rows: list[StepRow] = []
    stop_rows: list[StopRow] = []
    sops: dict[int, Sop] = {}  # sop_registry.pinned reads the database on every call
    for n, (cid, title, theme, state, current, created, cancelled, sop_id, creator) in enumerate(campaigns, 1):
        sop = sops.get(sop_id) or sops.setdefault(sop_id, sop_registry.pinned(sop_id))
        stopped = from_db(cancelled)
        records = tuple(
            StepRecord(no=no, activity=sop.activity(no), standard_minutes=standard, assignee_id=assignee,
                       assignee_name=names.get(assignee), notes=notes, events=tuple(events.get(step_id, ())),
                       checked=frozenset(), limits=limits, stopped_at=stopped)
            for step_id, _, no, standard, assignee, notes in steps_of.get(cid, ()))
        lines = [step_line(record, sop, now) for record in records]
        campaign = CampaignRecord(id=cid, title=title, theme=theme, status=CampaignStatus(state), current_no=current,
                                  created_at=from_db(created), created_by_name=creator or "?", cancelled_at=stopped,
                                  cancel_reason=None, sop=sop, steps=records, limits=limits)
        stops = stops_by.get(cid, [])
        step_rows.extend(StepRow(cid, title, line, _lane_name(sop, last_lanes.get(step_id, "")))
                         for line, (step_id, *_) in zip(lines, steps_of.get(cid, ())))
        stop_rows.extend(StopRow(cid, title, stop) for stop in stops)
        route = [s.kecamatan for s in stops] if stops else planned_by.get(cid, [])
        campaign_rows.append(_campaign_row(campaign, campaign.status_against_standard(now), lines, stops,
                                           scores.get(cid), route))
        if n % 500 == 0 or n == total:
            progress(n, total, f"Menghitung kampanye {n} dari {total}…")
    return Stats(date_from=date_from, date_to=date_to, status=status, generated_at=now,
                 campaigns=tuple(campaign_rows), steps=tuple(step_rows), stops=tuple(stop_rows),
                 per_step=summarise(step_rows), limits=limits)


def _events(matching, names: dict[int, str]) -> tuple[dict[int, list[EventRecord]], dict[int, str]]:
    """Each step's events in order, and the lane id recorded with its last one (whose actor the
    workbook names: :func:`report_data.step_line`)."""
    events: dict[int, list[EventRecord]] = {}
    lanes: dict[int, str] = {}
    q = (StepEvent.select(StepEvent.step, StepEvent.kind, StepEvent.at, StepEvent.actor, StepEvent.reason,
                          StepEvent.actor_lane)
         .join(Step, on=(StepEvent.step == Step.id)).where(Step.campaign.in_(matching))
         .order_by(StepEvent.step, StepEvent.id))
    for step_id, kind, at, actor, reason, lane in database.execute(q):
        events.setdefault(step_id, []).append(
            EventRecord(kind=kind, at=from_db(at), actor_id=actor, actor_name=names.get(actor, "?"), reason=reason))
        lanes[step_id] = lane or ""
    return events, lanes


def _lane_name(sop: Sop, lane_id: str) -> str:
    """A recorded lane id by its name in the campaign's pinned SOP; an unknown one as stored."""
    if not lane_id:
        return ""
    try:
        return sop.lane(lane_id).name
    except KeyError:
        return lane_id


class _Stop(NamedTuple):  # the fields stop_line reads
    position: int
    kelurahan_code: str
    address: str
    planned: bool
    planned_time: str | None
    arrived_at: datetime | None
    departed_at: datetime | None
    flyers: int
    audience: int
    notes: str


def _stops(matching) -> dict[int, list[StopLine]]:
    result: dict[int, list[StopLine]] = {}
    q = (RouteStop.select(RouteStop.campaign, RouteStop.kelurahan_code, RouteStop.address, RouteStop.planned,
                          Location.planned_time, RouteStop.arrived_at, RouteStop.departed_at, RouteStop.flyers,
                          RouteStop.audience, RouteStop.notes)
         .join(Location, JOIN.LEFT_OUTER, on=(RouteStop.location == Location.id))
         .where(RouteStop.campaign.in_(matching)).order_by(RouteStop.campaign, RouteStop.position, RouteStop.id))
    for cid, code, address, planned, planned_time, arrived, departed, flyers, audience, notes in database.execute(q):
        stops = result.setdefault(cid, [])
        stops.append(stop_line(_Stop(len(stops) + 1, code, address, bool(planned), planned_time, from_db(arrived),
                                     from_db(departed), flyers, audience, notes)))
    return result


def _planned_kecamatan(matching) -> dict[int, list[str]]:
    """The kecamatan of each campaign's briefing locations, in route order (one per location)."""
    area = wilayah.load()
    result: dict[int, list[str]] = {}
    q = (Location.select(Location.campaign, Location.kelurahan_code).where(Location.campaign.in_(matching))
         .order_by(Location.campaign, Location.position, Location.id))
    for cid, code in database.execute(q):
        result.setdefault(cid, []).append(area.names.get(area.kecamatan_of(code), "?"))
    return result


def main_kecamatan(route: list[str]) -> tuple[str, tuple[str, ...]]:
    """(the kecamatan with the most stops, the first on the route on a tie; every one in route order)."""
    every = tuple(dict.fromkeys(route))
    counts = Counter(route)
    return (max(every, key=lambda name: counts[name]) if every else ""), every


def _campaign_row(campaign: CampaignRecord, time_status: StepStatus, lines: list[StepLine], stops: list[StopLine],
                  scores: tuple | None, route: list[str]) -> CampaignRow:
    starts = [s.started_at for s in lines if s.started_at]
    finished = [s.finished_at for s in lines if s.finished_at]
    all_done = bool(lines) and len(finished) == len(lines)
    timeliness, reach, narration = scores or (None, None, None)
    kecamatan, every = main_kecamatan(route)
    return CampaignRow(
        id=campaign.id, title=campaign.title, theme=campaign.theme, status=campaign.status,
        created_at=campaign.created_at, created_by=campaign.created_by_name, current_no=campaign.current_no,
        steps_finished=len(finished), late_steps=sum(1 for s in lines if s.late),
        started_at=min(starts, default=None), finished_at=max(finished) if all_done else None,
        standard_minutes=campaign.standard_total, elapsed_seconds=sum(s.elapsed_seconds for s in lines),
        time_status=time_status, stops=len(stops), visited=sum(1 for s in stops if s.visited),
        flyers=sum(s.flyers for s in stops), audience=sum(s.audience for s in stops), score_timeliness=timeliness,
        score_reach=reach, score_narration=narration, kecamatan=kecamatan, kecamatan_all=every)


def summarise(rows: list[StepRow]) -> tuple[StepSummary, ...]:
    """Per SOP step number: finished, on time, late, average and worst working seconds."""
    by_no: dict[int, list[StepRow]] = {}
    for row in rows:
        by_no.setdefault(row.step.no, []).append(row)
    result = []
    for no in sorted(by_no):
        group = by_no[no]
        done = [r for r in group if r.step.finished_at is not None]
        worst = max(done, key=lambda r: r.step.elapsed_seconds, default=None)
        result.append(StepSummary(
            no=no, short=group[0].step.short, standard_minutes=group[-1].step.standard_minutes,
            finished=len(done), on_time=sum(1 for r in done if r.step.status is StepStatus.ON_TIME),
            late=sum(1 for r in group if r.step.late),
            average_seconds=sum(r.step.elapsed_seconds for r in done) / len(done) if done else None,
            worst_seconds=worst.step.elapsed_seconds if worst else None,
            worst_campaign_id=worst.campaign_id if worst else None))
    return tuple(result)


def first_day() -> date | None:
    """The WIB day the oldest campaign was created (the natural start of a period), or None."""
    oldest = Campaign.select(fn.MIN(Campaign.created_at)).scalar()
    return to_wib(from_db(oldest)).date() if oldest else None
