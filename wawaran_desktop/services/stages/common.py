"""What every stage service needs: the campaign to edit, clean text, times."""

from __future__ import annotations

from datetime import date, datetime

from wawaran_desktop.db.models import Campaign, Step
from wawaran_desktop.services.campaigns import clean_text
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.step_state import step_state
from wawaran_desktop.services.timing import StepState

__all__ = ["clean_text", "editable_campaign", "step_finished", "stage_finished", "require_count",
           "require_date"]


def editable_campaign(campaign_id: int) -> Campaign:
    """The campaign, which must exist and not be cancelled."""
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
    if campaign.status == CampaignStatus.CANCELLED.value:
        raise RuleError("Kampanye ini sudah dibatalkan; isinya tidak bisa diubah.")
    return campaign


def step_finished(campaign_id: int, no: int) -> bool:
    """Whether step ``no`` of the campaign is finished now (from its events)."""
    step = Step.get_or_none((Step.campaign == campaign_id) & (Step.no == no))
    return step is not None and step_state(step) is StepState.FINISHED


def stage_finished(campaign: Campaign, workspace: str) -> int | None:
    """The step number of ``workspace`` in the campaign's pinned SOP when that step is
    finished now, else None. A finished stage keeps its output until it is reopened."""
    from wawaran_desktop.services import sop_registry

    no = sop_registry.pinned(campaign.sop_id).step_of(workspace)
    return no if no is not None and step_finished(campaign.id, no) else None


def require_count(value: int | None, label: str, field: str, maximum: int = 1_000_000) -> int:
    """A whole number from 0 to ``maximum``."""
    if value is None or isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} harus bilangan bulat.", field)
    if value < 0:
        raise ValidationError(f"{label} tidak boleh negatif.", field)
    if value > maximum:
        raise ValidationError(f"{label} terlalu besar (maksimal {maximum:,}).".replace(",", "."), field)
    return value


def require_date(value: date | None, label: str, field: str, required: bool = False) -> date | None:
    if value is None:
        if required:
            raise ValidationError(f"{label} wajib diisi.", field)
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(f"{label} harus tanggal.", field)
    if not 2000 <= value.year <= 2100:
        raise ValidationError(f"{label} di luar rentang yang wajar.", field)
    return value
