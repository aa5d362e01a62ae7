"""*Tugas Saya*: what waits for one member of staff, across every campaign still under way.

Only campaigns that are neither cancelled nor done are looked at. For a person it lists:

* **steps** of their lane (the activity's primary or a support lane in the campaign's pinned
  SOP: lanes are data, not code) or assigned to them, that are ready to start (step 1, or the
  step before it is finished), running or paused — a running or paused one with its working
  time against the standard, told by the one rule of :mod:`~wawaran_desktop.services.timing`;
* **dispositions** addressed to them, with their SRIKANDI status
  (:mod:`~wawaran_desktop.services.stages.disposition_status`);
* the dispositions they **signed**, with each recipient's status;
* **evaluations** to receive: for people of the evaluation activity's primary lane, campaigns
  whose report step is finished and whose report nobody has received yet.

:attr:`MyTasks.count` is what waits (the window's badge): the steps listed, the dispositions
not yet followed up and the evaluations to receive; the signer's overview is information, not
a task. Everything is read in a handful of queries, whatever the number of campaigns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from peewee import JOIN

from wawaran_desktop.db.models import Campaign, Staff, Step, StepEvent, fn
from wawaran_desktop.db.stage_models import Disposition, DispositionRecipient, Evaluation
from wawaran_desktop.services import sop_registry, timing
from wawaran_desktop.services.clock import from_db
from wawaran_desktop.services.errors import NotFound
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages.disposition_status import RecipientStatus, Status, status_of, statuses_by_campaign
from wawaran_desktop.sop import Sop

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: The campaigns whose work may still wait for someone.
UNDER_WAY = (CampaignStatus.DRAFT.value, CampaignStatus.RUNNING.value)
DISPOSITION_WORKSPACE = "disposition"
REPORT_WORKSPACE = "report"
EVALUATION_WORKSPACE = "evaluation"


class StepTask(NamedTuple):
    """A step waiting for the person: ready to start, running or paused."""

    campaign_id: int
    campaign_title: str
    no: int
    short: str  # the activity's short name
    title: str  # its full title in the SOP
    state: timing.StepState
    status: timing.StepStatus
    standard_minutes: int
    elapsed: int | None  # whole working seconds at :attr:`MyTasks.now`; None: not started
    assignee_id: int | None
    assignee_name: str | None
    assigned: bool  # assigned to the person (else: only their lane's)
    primary: bool  # the person's lane is the activity's primary lane

    @property
    def ready(self) -> bool:
        return self.state is timing.StepState.NOT_STARTED


class DispositionTask(NamedTuple):
    """A disposition addressed to the person, with their own status."""

    campaign_id: int
    campaign_title: str
    no: int  # the disposition step, to open it
    agenda_number: str | None
    hal: str  # as the sheet prints it (the stored hal, else the theme)
    sifat: str
    signer_name: str | None
    status: Status
    read_at: datetime | None
    followed_up_at: datetime | None

    @property
    def waiting(self) -> bool:
        """Still to do: not followed up yet."""
        return self.status is not Status.FOLLOWED_UP


class SignedDisposition(NamedTuple):
    """A disposition the person signs, with each recipient's status."""

    campaign_id: int
    campaign_title: str
    no: int
    agenda_number: str | None
    hal: str
    recipients: tuple[RecipientStatus, ...]

    @property
    def followed_up(self) -> int:
        return sum(1 for r in self.recipients if r.status is Status.FOLLOWED_UP)


class EvaluationTask(NamedTuple):
    """A report to receive for the evaluation."""

    campaign_id: int
    campaign_title: str
    no: int  # the evaluation step
    report_no: int


class MyTasks(NamedTuple):
    """Everything waiting for one person at ``now``."""

    staff_id: int
    now: datetime
    steps: tuple[StepTask, ...] = ()
    dispositions: tuple[DispositionTask, ...] = ()
    signed: tuple[SignedDisposition, ...] = ()
    evaluations: tuple[EvaluationTask, ...] = ()

    @property
    def count(self) -> int:
        """What waits: the steps, dispositions not followed up and evaluations to receive."""
        return len(self.steps) + sum(1 for d in self.dispositions if d.waiting) + len(self.evaluations)


class _Campaign(NamedTuple):
    id: int
    title: str
    theme: str
    sop: Sop


def tasks_for(staff_id: int, now: datetime, limits: timing.Thresholds = timing.DEFAULT_THRESHOLDS) -> MyTasks:
    """What waits for ``staff_id`` at ``now`` (aware), statuses judged with ``limits``.

    An inactive member of staff has nothing waiting; an unknown one raises :class:`NotFound`.
    """
    person = Staff.get_or_none(Staff.id == staff_id)
    if person is None:
        raise NotFound(f"Petugas nomor {staff_id} tidak ditemukan.")
    if not person.active:
        return MyTasks(staff_id, now)
    campaigns = _campaigns_under_way()
    if not campaigns:
        return MyTasks(staff_id, now)
    states, rows = _step_states()
    steps = _step_tasks(person, campaigns, states, rows, now, limits)
    return MyTasks(staff_id=staff_id, now=now, steps=steps, dispositions=_dispositions_to(person.id, campaigns),
                   signed=_signed_by(person.id, campaigns), evaluations=_evaluations_for(person, campaigns, states))


# -- the queries ------------------------------------------------------------------------------
def _under_way() -> Iterable[int]:
    """A subquery: the ids of the campaigns under way."""
    return Campaign.select(Campaign.id).where(Campaign.status.in_(UNDER_WAY))


def _campaigns_under_way() -> dict[int, _Campaign]:
    sops: dict[int, Sop] = {}
    result = {}
    for row in (Campaign.select(Campaign.id, Campaign.title, Campaign.theme, Campaign.sop)
                .where(Campaign.status.in_(UNDER_WAY)).order_by(Campaign.id)):
        sop = sops.get(row.sop_id)
        if sop is None:
            sop = sops[row.sop_id] = sop_registry.pinned(row.sop_id)
        result[row.id] = _Campaign(row.id, row.title, row.theme, sop)
    return result


def _step_states() -> tuple[dict[tuple[int, int], timing.StepState], list]:
    """Every step of the campaigns under way, and its state from its last recorded event (the
    rule of :func:`~wawaran_desktop.services.step_state.step_state`), in two queries."""
    last = (StepEvent.select(StepEvent.step.alias("step_id"), fn.MAX(StepEvent.id).alias("last_id"))
            .join(Step).where(Step.campaign.in_(_under_way())).group_by(StepEvent.step))
    kinds = {row.step_id: row.kind for row in (
        StepEvent.select(StepEvent.step, StepEvent.kind)
        .join(last, on=(StepEvent.id == last.c.last_id)).objects())}
    assignee = Staff.alias()
    rows = list(Step.select(Step.id, Step.campaign, Step.no, Step.standard_minutes, Step.assignee,
                            assignee.name.alias("assignee_name"))
                .join(assignee, JOIN.LEFT_OUTER, on=(Step.assignee == assignee.id))
                .where(Step.campaign.in_(_under_way())).objects())
    states = {(row.campaign_id, row.no): timing.state_of([kinds[row.id]] if row.id in kinds else [])
              for row in rows}
    return states, rows


def _step_tasks(person: Staff, campaigns: dict[int, _Campaign], states: dict[tuple[int, int], timing.StepState],
                rows: list, now: datetime, limits: timing.Thresholds) -> tuple[StepTask, ...]:
    chosen = []
    for row in rows:
        campaign = campaigns.get(row.campaign_id)
        if campaign is None:
            continue  # cancelled or finished between the two queries
        activity = campaign.sop.activity(row.no)
        lanes = (activity.lane, *activity.support_lanes)
        assigned = row.assignee_id == person.id
        if person.lane not in lanes and not assigned:
            continue
        state = states[(row.campaign_id, row.no)]
        if state is timing.StepState.FINISHED:
            continue
        if state is timing.StepState.NOT_STARTED and row.no > 1 and \
                states.get((row.campaign_id, row.no - 1)) is not timing.StepState.FINISHED:
            continue
        chosen.append((row, campaign, activity, state, assigned))
    events: dict[int, list[tuple[str, datetime]]] = {}
    started = [row.id for row, _c, _a, state, _s in chosen if state is not timing.StepState.NOT_STARTED]
    if started:
        for e in (StepEvent.select(StepEvent.step, StepEvent.kind, StepEvent.at)
                  .where(StepEvent.step.in_(started)).order_by(StepEvent.at, StepEvent.id)):
            events.setdefault(e.step_id, []).append((e.kind, from_db(e.at)))
    tasks = []
    for row, campaign, activity, state, assigned in chosen:
        elapsed = None
        if state is not timing.StepState.NOT_STARTED:
            elapsed = timing.elapsed_seconds(timing.intervals(events.get(row.id, [])), now)
        tasks.append(StepTask(
            campaign_id=campaign.id, campaign_title=campaign.title, no=row.no, short=activity.short,
            title=activity.title, state=state,
            status=timing.status_of(state, elapsed or 0, row.standard_minutes, limits),
            standard_minutes=row.standard_minutes, elapsed=elapsed, assignee_id=row.assignee_id,
            assignee_name=getattr(row, "assignee_name", None), assigned=assigned,
            primary=activity.lane == person.lane))
    # What runs first (the latest first), then what may start, each by campaign and step.
    order = {timing.StepStatus.LATE: 0, timing.StepStatus.AT_RISK: 1, timing.StepStatus.RUNNING: 2,
             timing.StepStatus.PAUSED: 3}
    return tuple(sorted(tasks, key=lambda t: (order.get(t.status, 4), t.campaign_id, t.no)))


def _dispositions_to(staff_id: int, campaigns: dict[int, _Campaign]) -> tuple[DispositionTask, ...]:
    signer = Staff.alias()
    rows = (DispositionRecipient.select(DispositionRecipient.campaign, DispositionRecipient.read_at,
                                        DispositionRecipient.followed_up_at, Disposition.agenda_number,
                                        Disposition.hal, Disposition.sifat, signer.name.alias("signer_name"))
            .join(Disposition, on=(Disposition.campaign == DispositionRecipient.campaign))
            .join(signer, JOIN.LEFT_OUTER, on=(Disposition.signer == signer.id))
            .where((DispositionRecipient.staff == staff_id) & DispositionRecipient.campaign.in_(_under_way()))
            .objects())
    tasks = []
    for row in rows:
        campaign = campaigns.get(row.campaign_id)
        if campaign is None:
            continue
        read_at, followed_up_at = from_db(row.read_at), from_db(row.followed_up_at)
        tasks.append(DispositionTask(
            campaign_id=campaign.id, campaign_title=campaign.title, no=_step_no(campaign, DISPOSITION_WORKSPACE),
            agenda_number=row.agenda_number, hal=row.hal or campaign.theme, sifat=row.sifat,
            signer_name=row.signer_name, status=status_of(read_at, followed_up_at), read_at=read_at,
            followed_up_at=followed_up_at))
    order = {Status.UNREAD: 0, Status.READ: 1, Status.FOLLOWED_UP: 2}
    return tuple(sorted(tasks, key=lambda t: (order[t.status], t.campaign_id)))


def _signed_by(staff_id: int, campaigns: dict[int, _Campaign]) -> tuple[SignedDisposition, ...]:
    rows = list(Disposition.select(Disposition.campaign, Disposition.agenda_number, Disposition.hal)
                .where((Disposition.signer == staff_id) & Disposition.campaign.in_(_under_way()))
                .order_by(Disposition.campaign))
    statuses = statuses_by_campaign([row.campaign_id for row in rows])
    result = []
    for row in rows:
        campaign = campaigns.get(row.campaign_id)
        if campaign is None or row.campaign_id not in statuses:
            continue  # nobody to follow it up yet
        result.append(SignedDisposition(
            campaign_id=campaign.id, campaign_title=campaign.title, no=_step_no(campaign, DISPOSITION_WORKSPACE),
            agenda_number=row.agenda_number, hal=row.hal or campaign.theme, recipients=statuses[row.campaign_id]))
    return tuple(result)


def _evaluations_for(person: Staff, campaigns: dict[int, _Campaign],
                     states: dict[tuple[int, int], timing.StepState]) -> tuple[EvaluationTask, ...]:
    candidates: dict[int, tuple[int, int]] = {}
    for campaign in campaigns.values():
        no, report_no = campaign.sop.step_of(EVALUATION_WORKSPACE), campaign.sop.step_of(REPORT_WORKSPACE)
        if no is None or report_no is None or campaign.sop.activity(no).lane != person.lane:
            continue
        if states.get((campaign.id, report_no)) is timing.StepState.FINISHED:
            candidates[campaign.id] = (no, report_no)
    if not candidates:
        return ()
    received = {row.campaign_id for row in Evaluation.select(Evaluation.campaign)
                .where(Evaluation.campaign.in_(list(candidates)) & Evaluation.received_by.is_null(False))}
    return tuple(EvaluationTask(campaign_id=cid, campaign_title=campaigns[cid].title, no=no, report_no=report_no)
                 for cid, (no, report_no) in sorted(candidates.items()) if cid not in received)


def _step_no(campaign: _Campaign, workspace: str) -> int:
    no = campaign.sop.step_of(workspace)
    return no if no is not None else 1


class MyTasksService:
    """*Tugas Saya* over a workspace: its clock and the office's thresholds."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def tasks_for(self, staff_id: int) -> MyTasks:
        return tasks_for(staff_id, self.ws.clock(), self.ws.thresholds)

    def count(self, staff_id: int) -> int:
        """How many things wait for ``staff_id`` (the window's badge)."""
        return self.tasks_for(staff_id).count
