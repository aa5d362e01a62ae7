"""The demo team: added once, then found again by NIP (or, without one, by name)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from wawaran_desktop.db.models import Staff, database
from wawaran_desktop.demo.content import DemoMember, demo_content
from wawaran_desktop.services.staff import StaffService

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: The demo team, from ``resources/demo/content.json``.
#: NIPs: birth date, appointment year+month, sex (1/2), sequence.
DEMO_TEAM: tuple[DemoMember, ...] = demo_content().team


def find_member(member: DemoMember) -> Staff | None:
    """The staff entry of a demo ``member``: by NIP, or (without one) the first of that name with no NIP."""
    if member.nip:
        return Staff.get_or_none(Staff.nip == member.nip)
    return (Staff.select().where((Staff.name == member.name) & Staff.nip.is_null())
            .order_by(Staff.id).first())


def ensure_team(ws: Workspace, since: datetime, actor_id: int | None = None) -> tuple[dict[str, list[int]], int]:
    """Add the missing members of :data:`DEMO_TEAM` (as ``actor_id``: once the office has accounts,
    an administrator); return the active ids per lane and how many were added.

    A member is found again by NIP (or by name when there is none). A lane of the SOP with no
    active demo member falls back to the office's other active staff of that lane.
    """
    service = StaffService(ws.backdated(lambda: since))
    lanes = {lane.id for lane in ws.sop.lanes}
    team: dict[str, list[int]] = {}
    added = 0
    with database.atomic():
        for member in DEMO_TEAM:
            if member.lane not in lanes:
                continue
            row = find_member(member)
            if row is None:
                record = service.add(member.name, member.nip, member.position, member.lane, rank=member.rank,
                                     actor_id=actor_id)
                team.setdefault(record.lane, []).append(record.id)
                added += 1
            elif row.active and row.lane in lanes:
                team.setdefault(row.lane, []).append(row.id)
                if member.rank and not row.rank:  # a demo team added before ranks were kept
                    Staff.update(rank=member.rank).where(Staff.id == row.id).execute()
    for lane in ws.sop.lanes:
        if lane.id not in team:
            others = [r.id for r in Staff.select(Staff.id).where((Staff.lane == lane.id) & (Staff.active == True))
                      .order_by(Staff.id)]
            if others:
                team[lane.id] = others
    return team, added
