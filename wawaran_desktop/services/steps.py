"""Steps of a campaign: start, finish, reopen, assign, notes and the kelengkapan checklist.

Every change records who did it and when; a campaign's cached ``status`` and
``current_no`` are updated in the same transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Campaign, ChecklistMark, Staff, Step, StepEvent, database
from wawaran_desktop.services import lanes, sop_registry, timing, versions
from wawaran_desktop.services.campaigns import REASON_MAX, clean_text, lock_key, strip_controls
from wawaran_desktop.services.clock import to_db
from wawaran_desktop.services.errors import NotFound, ReasonRequired, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit, record_event
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages import registry as stage_registry
from wawaran_desktop.services.step_state import step_state

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

NOTES_MAX = 20_000
#: How far an event's time may lie before the campaign's last one and still be recorded (at that
#: last time): on the office server two PCs' readings of the server's clock differ by a few
#: milliseconds (half a round trip, drift between re-reads); beyond this a clock is wrong.
CLOCK_TOLERANCE = timedelta(seconds=2)


class StepService:
    def __init__(self, ws: Workspace) -> None:
        self.staff = ws.staff
        self.clock = ws.clock

    # -- timing ---------------------------------------------------------------------------
    def start(self, actor_id: int | None, campaign_id: int, no: int, reason: str | None = None) -> None:
        """Start step ``no``. Before the previous step is finished a reason is required."""
        actor = self.staff.require_active(actor_id)
        with write_transaction(lock_key(campaign_id)):  # checked and written with no writer between
            campaign, step = self._open_step(campaign_id, no)
            lanes.require_step(actor, campaign, no)
            state = step_state(step)
            if state is timing.StepState.RUNNING:
                raise RuleError(f"Tahap {no} sudah berjalan.")
            if state is timing.StepState.PAUSED:
                raise RuleError(f"Tahap {no} sedang dijeda. Gunakan 'Lanjutkan' untuk meneruskannya.")
            if state is timing.StepState.FINISHED:
                raise RuleError(f"Tahap {no} sudah selesai. Gunakan 'Buka Kembali' untuk mengulanginya.")
            reason_text = clean_text(reason, "Alasan", "reason", REASON_MAX, required=False) or None
            if no > 1:
                previous = Step.get((Step.campaign == campaign_id) & (Step.no == no - 1))
                if step_state(previous) is not timing.StepState.FINISHED and not reason_text:
                    raise ReasonRequired(
                        f"Tahap {no - 1} belum selesai. Tahap {no} hanya boleh dimulai lebih dulu "
                        "dengan alasan yang dicatat.")
            self._record(campaign, step, "start", actor, reason_text)

    def finish(self, actor_id: int | None, campaign_id: int, no: int, reason: str | None = None) -> None:
        """Finish step ``no``; its stage may require content first, or a recorded reason."""
        actor = self.staff.require_active(actor_id)
        with write_transaction(lock_key(campaign_id)):  # checked and written with no writer between
            campaign, step = self._open_step(campaign_id, no)
            lanes.require_step(actor, campaign, no)
            state = step_state(step)
            if state is timing.StepState.NOT_STARTED:
                raise RuleError(f"Tahap {no} belum dimulai, jadi belum bisa diselesaikan.")
            if state is timing.StepState.FINISHED:
                raise RuleError(f"Tahap {no} sudah selesai.")
            reason_text = clean_text(reason, "Alasan", "reason", REASON_MAX, required=False) or None
            check = stage_registry.finish_check(sop_registry.pinned(campaign.sop_id).activity(no).workspace)
            if check is not None:
                check(campaign_id, reason_text)
            self._record(campaign, step, "finish", actor, reason_text)

    def pause(self, actor_id: int | None, campaign_id: int, no: int, reason: str | None) -> None:
        """Stop the clock of a running step (waiting for the vehicle, Friday prayers, …).

        The reason is required and kept; paused time does not count against the standard.
        """
        actor = self.staff.require_active(actor_id)
        with write_transaction(lock_key(campaign_id)):  # checked and written with no writer between
            campaign, step = self._open_step(campaign_id, no)
            lanes.require_step(actor, campaign, no)
            state = step_state(step)
            if state is timing.StepState.PAUSED:
                raise RuleError(f"Tahap {no} sudah dijeda.")
            if state is not timing.StepState.RUNNING:
                raise RuleError(f"Tahap {no} tidak sedang berjalan, jadi tidak bisa dijeda.")
            reason_text = clean_text(reason, "Alasan jeda", "reason", REASON_MAX, required=False)
            if not reason_text:
                raise ReasonRequired(f"Isi alasan menjeda tahap {no} (misalnya menunggu kendaraan).")
            self._record(campaign, step, "pause", actor, reason_text)

    def resume(self, actor_id: int | None, campaign_id: int, no: int, note: str | None = None) -> None:
        """Start the clock of a paused step again (an optional note is kept)."""
        actor = self.staff.require_active(actor_id)
        with write_transaction(lock_key(campaign_id)):  # checked and written with no writer between
            campaign, step = self._open_step(campaign_id, no)
            lanes.require_step(actor, campaign, no)
            if step_state(step) is not timing.StepState.PAUSED:
                raise RuleError(f"Tahap {no} tidak sedang dijeda.")
            note_text = clean_text(note, "Catatan", "reason", REASON_MAX, required=False) or None
            self._record(campaign, step, "resume", actor, note_text)

    def reopen(self, actor_id: int | None, campaign_id: int, no: int, reason: str | None) -> None:
        """Run a finished step again; the reason is required and kept."""
        actor = self.staff.require_active(actor_id)
        with write_transaction(lock_key(campaign_id)):  # checked and written with no writer between
            campaign, step = self._open_step(campaign_id, no)
            lanes.require_step(actor, campaign, no)
            if step_state(step) is not timing.StepState.FINISHED:
                raise RuleError(f"Tahap {no} belum selesai, jadi tidak perlu dibuka kembali.")
            reason_text = clean_text(reason, "Alasan membuka kembali", "reason", REASON_MAX, required=False)
            if not reason_text:
                raise ReasonRequired(f"Isi alasan untuk membuka kembali tahap {no}.")
            self._record(campaign, step, "reopen", actor, reason_text)

        # -- content --------------------------------------------------------------------------
    def assign(self, actor_id: int | None, campaign_id: int, no: int, staff_id: int | None) -> None:
        actor = self.staff.require_active(actor_id)
        campaign, step = self._open_step(campaign_id, no)
        lanes.require_step(actor, campaign, no)
        name = "-"
        if staff_id is not None:
            name = self.staff.require_active(staff_id).name
        now = to_db(self.clock())
        with database.atomic():
            Step.update(assignee=staff_id).where(Step.id == step.id).execute()
            _touch(campaign.id, self.clock())
            record_audit(at=now, actor=actor, campaign=campaign, action="assign",
                         detail=f"tahap {no}: {name}")

    def set_notes(self, actor_id: int | None, campaign_id: int, no: int, notes: str,
                  version: int | None = None) -> int:
        """Store step ``no``'s notes if they are still at ``version`` (the one the caller read,
        :attr:`StepRecord.notes_version`; None: whatever is stored). Returns the new version;
        :class:`ConflictError` (with the stored notes) when another PC saved notes first.
        Only a notes save raises the version: starting, pausing, finishing or assigning the
        step meanwhile never refuses notes typed during it."""
        actor = self.staff.require_active(actor_id)
        campaign, step = self._open_step(campaign_id, no)
        lanes.require_step(actor, campaign, no)
        text = strip_controls(notes or "")
        if len(text) > NOTES_MAX:
            raise ValidationError(f"Catatan terlalu panjang ({len(text)} karakter, maksimal {NOTES_MAX}).",
                                  "notes")
        with database.atomic():
            stored = versions.update(Step, Step.id == step.id, version, {Step.notes: text}, f"Catatan tahap {no}",
                                     theirs=lambda row: {"Catatan": row.notes})
            _touch(campaign.id, self.clock())
        return stored

    def set_checked(self, actor_id: int | None, campaign_id: int, no: int, item: int, checked: bool) -> None:
        actor = self.staff.require_active(actor_id)
        campaign, step = self._open_step(campaign_id, no)
        lanes.require_step(actor, campaign, no)
        items = campaign_sop_items(campaign, no)
        if not 0 <= item < items:
            raise ValidationError("Butir kelengkapan tidak dikenal.", "item")
        with database.atomic():
            ChecklistMark.delete().where((ChecklistMark.step == step.id) & (ChecklistMark.item == item)).execute()
            if checked:
                ChecklistMark.create(step=step.id, item=item, checked_by=actor, checked_at=to_db(self.clock()))
            _touch(campaign.id, self.clock())

    # -- helpers --------------------------------------------------------------------------
    def _step(self, campaign_id: int, no: int) -> tuple[Campaign, Step]:
        campaign = Campaign.get_or_none(Campaign.id == campaign_id)
        if campaign is None:
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        step = Step.get_or_none((Step.campaign == campaign_id) & (Step.no == no))
        if step is None:
            raise NotFound(f"Tahap {no} tidak ada pada kampanye ini.")
        return campaign, step

    def _open_step(self, campaign_id: int, no: int) -> tuple[Campaign, Step]:
        campaign, step = self._step(campaign_id, no)
        if campaign.status == CampaignStatus.CANCELLED.value:
            raise RuleError("Kampanye ini sudah dibatalkan; tahapnya tidak bisa diubah.")
        return campaign, step

    def _record(self, campaign: Campaign, step: Step, kind: str, actor: Staff, reason: str | None) -> None:
        now = self.clock()
        with database.atomic():
            last = (StepEvent.select(StepEvent.at).join(Step)
                    .where(Step.campaign == campaign.id)
                    .order_by(StepEvent.at.desc()).first())
            at = to_db(now)
            if last is not None and last.at > at:
                if last.at - at > CLOCK_TOLERANCE:
                    raise RuleError("Jam komputer mundur dari catatan sebelumnya; periksa jam dan zona waktu "
                                    "komputer.")
                # Another PC's estimate of the server's clock ran a little ahead of this one's:
                # the event comes after it (its id says so) and takes its time, never an earlier one.
                at = last.at
            record_event(step=step.id, kind=kind, at=at, actor=actor, reason=reason)
            refresh_campaign(campaign.id, at)


def _touch(campaign_id: int, now: datetime) -> None:
    Campaign.update(updated_at=to_db(now)).where(Campaign.id == campaign_id).execute()


def campaign_sop_items(campaign: Campaign, no: int) -> int:
    return len(sop_registry.pinned(campaign.sop_id).activity(no).kelengkapan)


def refresh_campaign(campaign_id: int, at: datetime) -> None:
    """Recompute a campaign's cached status and current stage from its steps' events."""
    campaign = Campaign.get_by_id(campaign_id)
    if campaign.status == CampaignStatus.CANCELLED.value:
        return
    states = [step_state(step) for step in Step.select().where(Step.campaign == campaign_id).order_by(Step.no)]
    status, current = timing.campaign_progress(states)
    Campaign.update(status=status, current_no=current, updated_at=at).where(
        Campaign.id == campaign_id).execute()
