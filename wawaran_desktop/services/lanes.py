"""The SOP's lanes as permissions (issue 13): who may act in which step.

The rights are the SOP's data, never code: an activity's primary lane (``lane``) and its
supporting lanes (``support_lanes``) in the campaign's *pinned* SOP say who works in that step.
A person may start, pause, resume, finish, reopen, assign, tick, annotate or edit the content of
step N of a campaign when

- their lane (the staff entry's, as it is now) is the step's primary or a supporting lane, or
- they are the step's assignee (people of a step's lanes may hand it to one named person of any
  lane, e.g. the Kernet/Supir who drives step 7), or
- they are an administrator who recorded a reason for acting in that step of that campaign
  (``ws.lanes.override``, services/lane_overrides.py: a
  :class:`~wawaran_desktop.db.models.LaneOverride` row and an audit entry, both in the history
  chain).

Some acts are the primary lane's alone: the person recorded as deciding the theme, signing the
disposition or receiving the report must be of that step's primary lane (:func:`require_holder`).

A refusal (:class:`OutsideLane`) says who may act: the lanes by name, and the assignee by name
when there is one; to an administrator it also says a recorded reason lets them act.

A campaign as a whole (creating one, renaming, cancelling) belongs to the lanes of the SOP's
first activity (the one that starts it: data collection), as the SOP's flow begins there.

The check runs in the service, inside the caller's transaction, with the rows it reads as
stored now; it never trusts a window's idea of who may act.
"""

from __future__ import annotations

from wawaran_desktop.db.models import Account, Campaign, LaneOverride, Staff, Step
from wawaran_desktop.services import sop_registry
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.sop.schema import Activity, Sop


class OutsideLane(RuleError):
    """The acting person is not of the step's lanes. ``overridable``: they are an administrator
    and may act after recording a reason (``ws.lanes.override``) for ``campaign_id``'s
    step ``no`` (0: the campaign as a whole, which no reason opens)."""

    def __init__(self, message: str, *, campaign_id: int | None, no: int, overridable: bool,
                 actor_id: int | None = None) -> None:
        super().__init__(message)
        self.actor_id = actor_id  # who was refused (the one who may record the reason)
        self.campaign_id = campaign_id
        self.no = no
        self.overridable = overridable


def step_lanes(activity: Activity) -> tuple[str, ...]:
    """The lanes that work in an activity: its primary lane first, then the supporting ones."""
    return (activity.lane, *(lane for lane in activity.support_lanes if lane != activity.lane))


def lane_names(sop: Sop, lanes: tuple[str, ...]) -> str:
    """``Kepala Bidang DIKP atau Sub Kor DIMC``: the lanes by the SOP's names, joined in Indonesian."""
    names = [_lane_name(sop, lane) for lane in lanes]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " atau " + names[-1]


def _lane_name(sop: Sop, lane: str) -> str:
    try:
        return sop.lane(lane).name
    except KeyError:
        return lane


def is_admin(staff_id: int) -> bool:
    """Whether the member of staff has an active administrator account that is not waiting for
    its one-time password to be replaced (the server's account functions say the same)."""
    return (Account.select(Account.id).join(Staff)  # (named columns: a server login may not read the hash)
            .where((Account.staff == staff_id) & (Account.is_admin == True) & (Account.active == True)  # noqa: E712
                   & (Account.must_change == False) & (Staff.active == True)).exists())  # noqa: E712 (peewee)


def may_act(actor: Staff, campaign: Campaign, no: int) -> bool:
    """Whether ``actor`` may act in step ``no`` of ``campaign`` (lane, assignee or recorded reason)."""
    activity = sop_registry.pinned(campaign.sop_id).activity(no)
    if actor.lane in step_lanes(activity):
        return True
    step = Step.get_or_none((Step.campaign == campaign.id) & (Step.no == no))
    if step is not None and step.assignee_id == actor.id:
        return True
    return _overridden(actor.id, campaign.id, no)


def _overridden(staff_id: int, campaign_id: int, no: int) -> bool:
    return (LaneOverride.select().where((LaneOverride.campaign == campaign_id) & (LaneOverride.step_no == no)
                                        & (LaneOverride.staff == staff_id)).exists()
            and is_admin(staff_id))


def require_step(actor: Staff, campaign: Campaign | int, no: int) -> None:
    """Refuse (:class:`OutsideLane`) unless ``actor`` may act in step ``no`` of the campaign."""
    row = campaign_row(campaign)
    if may_act(actor, row, no):
        return
    sop = sop_registry.pinned(row.sop_id)
    activity = sop.activity(no)
    step = Step.get_or_none((Step.campaign == row.id) & (Step.no == no))
    who = lane_names(sop, step_lanes(activity))
    if step is not None and step.assignee_id is not None:
        assignee = Staff.get_or_none(Staff.id == step.assignee_id)
        if assignee is not None:
            who += f", atau {assignee.name} yang ditugaskan"
    admin = is_admin(actor.id)
    message = (f"Tahap {no} ({activity.short}) dikerjakan oleh {who}. {actor.name} "
               f"({_lane_name(sop, actor.lane)}) tidak termasuk pelaksananya.")
    if admin:
        message += " Sebagai administrator Anda dapat bertindak di luar lajur dengan alasan yang dicatat di riwayat."
    raise OutsideLane(message, campaign_id=row.id, no=no, overridable=admin, actor_id=actor.id)


def require_stage(actor: Staff, campaign: Campaign | int, workspace: str) -> None:
    """:func:`require_step` for the step whose content the stage ``workspace`` records."""
    row = campaign_row(campaign)
    no = sop_registry.pinned(row.sop_id).step_of(workspace)
    if no is not None:
        require_step(actor, row, no)


def holder_lane(sop: Sop, workspace: str) -> str | None:
    """The lane whose member is named as the stage's decider, signer or receiver: the primary
    lane of the step that records ``workspace`` (None: no such step)."""
    no = sop.step_of(workspace)
    return sop.activity(no).lane if no is not None else None


def require_holder(person: Staff, campaign: Campaign | int, workspace: str, role: str) -> None:
    """The person named as ``role`` (``memutuskan tema``, ``menandatangani disposisi``, ``menerima
    laporan``) must be of the primary lane of the stage's step: ValidationError otherwise."""
    row = campaign_row(campaign)
    sop = sop_registry.pinned(row.sop_id)
    no = sop.step_of(workspace)
    if no is None:
        return
    lane = sop.activity(no).lane
    if person.lane != lane:
        raise ValidationError(f"Yang {role} harus {_lane_name(sop, lane)}; {person.name} adalah "
                              f"{_lane_name(sop, person.lane)}.", "staff")


def require_campaign(actor: Staff, sop: Sop, reason: str | None = None) -> None:
    """Creating, renaming or cancelling a campaign: the lanes of the SOP's first activity. An
    administrator outside them may act where the act carries its own recorded ``reason`` (a
    cancellation's)."""
    first = sop.activities[0]
    if actor.lane in step_lanes(first) or (reason and is_admin(actor.id)):
        return
    raise OutsideLane(f"Kampanye dibuat dan diatur oleh {lane_names(sop, step_lanes(first))} "
                      f"(pelaksana tahap {first.no}, {first.short}). {actor.name} "
                      f"({_lane_name(sop, actor.lane)}) tidak termasuk.", campaign_id=None, no=0, overridable=False)


def campaign_row(campaign: Campaign | int) -> Campaign:
    """The campaign's row (given or by id); NotFound when there is none."""
    if isinstance(campaign, Campaign):
        return campaign
    row = Campaign.get_or_none(Campaign.id == campaign)
    if row is None:
        raise NotFound(f"Kampanye nomor {campaign} tidak ditemukan.")
    return row
