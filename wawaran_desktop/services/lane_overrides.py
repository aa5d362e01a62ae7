"""An administrator's recorded reason for acting outside their lane (``ws.lanes``).

The rules of who may act are services/lanes.py's; this records the one way past them. It lives
apart from them because it writes as the campaign services do (their lock, their text rules),
and the campaign services check the lanes: one module for both would import itself round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Account, LaneOverride
from wawaran_desktop.services import lanes, sop_registry
from wawaran_desktop.services.campaigns import REASON_MAX, clean_text, lock_key
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import NotFound, ReasonRequired, RuleError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import CampaignStatus

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace


class LaneService:
    """Recording an administrator's reason for acting outside their lane (``ws.lanes``)."""

    def __init__(self, ws: Workspace) -> None:
        self.staff = ws.staff
        self.clock = ws.clock

    def override(self, actor_id: int | None, campaign_id: int, no: int, reason: str | None) -> None:
        """Record why the administrator ``actor_id`` acts in step ``no`` of the campaign although
        it is not their lane; from then on they may act in that step. Refused for anyone not an
        administrator, without a reason, and when the step is theirs anyway."""
        actor = self.staff.require_active(actor_id)
        text = clean_text(reason, "Alasan", "reason", REASON_MAX, required=False)
        with write_transaction(lock_key(campaign_id)):
            campaign = lanes.campaign_row(campaign_id)
            if campaign.status == CampaignStatus.CANCELLED.value:
                raise RuleError("Kampanye ini sudah dibatalkan; tahapnya tidak bisa diubah.")
            sop = sop_registry.pinned(campaign.sop_id)
            try:
                activity = sop.activity(no)
            except KeyError:
                raise NotFound(f"Tahap {no} tidak ada pada kampanye ini.") from None
            if not lanes.is_admin(actor.id):
                raise RuleError("Hanya administrator yang dapat bertindak di luar lajurnya.")
            if lanes.may_act(actor, campaign, no):
                raise RuleError(f"{actor.name} sudah boleh mengerjakan tahap {no}; tidak perlu alasan.")
            if not text:
                raise ReasonRequired(f"Isi alasan bertindak di tahap {no} ({activity.short}) di luar lajur Anda.")
            account = Account.select(Account.id).where(Account.staff == actor.id).first()
            now = to_db(self.clock())
            LaneOverride.create(campaign=campaign.id, step_no=no, staff=actor.id,
                                account_id=account.id if account else None, reason=text, at=now)
            record_audit(at=now, actor=actor, campaign=campaign.id, action="lane_override",
                         detail=f"tahap {no} ({activity.short}) di luar lajur: {text}")
