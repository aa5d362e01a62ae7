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


def crew(ws: Workspace) -> dict[str, StaffRecord]:
    """An active person for every lane of the workspace's SOP, by lane id."""
    people = {}
    for lane in (lane.id for lane in ws.sop.lanes):
        person = first_active(lane)
        if person is None:
            name, nip, position = PEOPLE[lane]
            person = ws.staff.add(name, nip, position, lane)
        people[lane] = person
    return people


def lane_actor(ws: Workspace, lane: str) -> int:
    """The id of an active person of ``lane`` (added when the lane has nobody)."""
    return crew(ws)[lane].id


def step_actor(ws: Workspace, campaign_id: int, no: int) -> int:
    """The id of a person of step ``no``'s primary lane in the campaign's pinned SOP."""
    from wawaran_desktop.db.models import Campaign

    campaign = Campaign.get_by_id(campaign_id)
    return lane_actor(ws, sop_registry.pinned(campaign.sop_id).activity(no).lane)
