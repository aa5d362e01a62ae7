"""What every stage service needs: the campaign to edit, clean text, times."""

from __future__ import annotations

from datetime import date, datetime

from wawaran_desktop.db.models import Campaign
from wawaran_desktop.services.campaigns import clean_text
from wawaran_desktop.services.errors import NotFound, RuleError, ValidationError
from wawaran_desktop.services.records import CampaignStatus

__all__ = ["clean_text", "editable_campaign", "require_count", "require_date"]


def editable_campaign(campaign_id: int) -> Campaign:
    """The campaign, which must exist and not be cancelled."""
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
    if campaign.status == CampaignStatus.CANCELLED.value:
        raise RuleError("Kampanye ini sudah dibatalkan; isinya tidak bisa diubah.")
    return campaign


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
