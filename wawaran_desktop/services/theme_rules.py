"""The campaign's theme is step 3's output ("Menentukan tema wawaran"): whoever changes it — the
stage's form (services/stages/theme.py) or the campaign's own dialog (``CampaignService.rename``)
— does so under step 3's lanes and rules, and the change is audited the same way."""

from __future__ import annotations

from datetime import datetime

from wawaran_desktop.db.models import Campaign, Staff
from wawaran_desktop.db.stage_models import ThemeDecision
from wawaran_desktop.services import lanes
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.step_state import stage_finished


def check_theme(actor: Staff, campaign: Campaign, text: str) -> str:
    """``text`` (already cleaned) as the theme ``actor`` sets on ``campaign``: refused outside
    step 3's lanes, on more than one line, and emptied once step 3 is finished."""
    lanes.require_stage(actor, campaign, "theme")
    if "\n" in text or "\r" in text:
        raise ValidationError("Tema wawaran harus satu baris.", "theme")
    finished = stage_finished(campaign, "theme")
    if not text and finished and text != campaign.theme:
        raise RuleError(f"Tema tidak dapat dikosongkan karena tahap {finished} sudah selesai; "
                        f"buka kembali tahap {finished} untuk mengubahnya.")
    return text


def theme_changed(actor: Staff, campaign: Campaign, text: str, now: datetime) -> None:
    """After the campaign's theme became ``text`` (inside the change's transaction): a recorded
    decision is decided again with the new theme (the decision's own version is left alone: its
    notulen and decider did not change), and the change is audited."""
    ThemeDecision.update(decided_at=now).where(
        (ThemeDecision.campaign == campaign.id) & ThemeDecision.decided_by.is_null(False)).execute()
    record_audit(at=now, actor=actor, campaign=campaign.id, action="theme",
                 detail=f"{campaign.theme or '-'} -> {text or '-'}")
