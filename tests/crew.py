"""One person per SOP lane, for tests that act in several steps.

The SOP's lanes are permissions (services/lanes.py): a Sub Kor cannot write the narration, a
Tim member cannot decide the theme. A test that walks a campaign through several steps acts in
each as a person of that step's lane, as the office does: ``step_actor(ws, cid, no)``.

``crew(ws)`` reuses the first active member of each lane already in the directory and adds one
only where a lane has nobody, so tests that made their own people keep them.
"""

from __future__ import annotations

from wawaran_desktop.services import sop_registry
from wawaran_desktop.services.records import StaffRecord
from wawaran_desktop.services.staff import first_active
from wawaran_desktop.services.workspace import Workspace

#: Who is added for a lane that has nobody yet: (name, NIP, position).
PEOPLE = {
    "kabid": ("Hendra Gunawan", "19700805 199503 1 002", "Kepala Bidang DIKP"),
    "subkor": ("Rina Wulandari", "19850312 201001 2 004", "Sub Koordinator DIMC"),
    "tim": ("Dewi Lestari", "19900214 201503 2 001", "Pranata Humas"),
    "kernet": ("Joko Santoso", None, "Pengemudi"),
}


def member(ws: Workspace, lane: str) -> StaffRecord:
    """The first active person of ``lane`` (by name), added from :data:`PEOPLE` when the lane has
    nobody; a test module whose work is one stage's acts as this person of that stage's lane."""
    person = first_active(lane)
    if person is None:
        name, nip, position = PEOPLE[lane]
        person = ws.staff.add(name, nip, position, lane, actor_id=directory_admin())
    return person


def directory_admin() -> int | None:
    """Who adds people once the office has accounts (only an administrator may): the first
    active administrator's staff id; None while there are no accounts."""
    from wawaran_desktop.db.models import Account

    row = (Account.select(Account.staff).where((Account.is_admin == True) & (Account.active == True))  # noqa: E712
           .order_by(Account.id).first())
    return row.staff_id if row is not None else None


def crew(ws: Workspace) -> dict[str, StaffRecord]:
    """An active person for every lane of the workspace's SOP, by lane id."""
    return {lane.id: member(ws, lane.id) for lane in ws.sop.lanes}


def lane_actor(ws: Workspace, lane: str) -> int:
    """The id of an active person of ``lane`` (added when the lane has nobody)."""
    return member(ws, lane).id


def step_lane(campaign_id: int, no: int) -> str:
    """Step ``no``'s primary lane in the campaign's pinned SOP."""
    from wawaran_desktop.db.models import Campaign

    campaign = Campaign.get_by_id(campaign_id)
    return sop_registry.pinned(campaign.sop_id).activity(no).lane


def step_actor(ws: Workspace, campaign_id: int, no: int) -> int:
    """The id of a person of step ``no``'s primary lane in the campaign's pinned SOP."""
    return lane_actor(ws, step_lane(campaign_id, no))


def holder(ws: Workspace, campaign_id: int, no: int, person_id: int | None = None) -> int:
    """Who is recorded in a role only step ``no``'s primary lane holds (the theme's decider, the
    report's receiver): ``person_id`` when they are of that lane, else :func:`step_actor`."""
    from wawaran_desktop.db.models import Staff

    lane = step_lane(campaign_id, no)
    if person_id is not None and Staff.get_by_id(person_id).lane == lane:
        return person_id
    return lane_actor(ws, lane)
