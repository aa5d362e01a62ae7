"""Stage 3, Tema: the briefing minutes (notulen), the wawaran theme and who decided it.

The theme itself is ``Campaign.theme`` (the list and the window header show it), written
with an audit entry as a rename is; ``theme_decision`` holds the notulen, the decider (an
active member of staff, usually the Kepala Bidang) and when the decision was recorded: when
the decider is chosen, and again when the theme changes while a decider is recorded.

Finishing the step needs a theme and a decider (:func:`check_finish`).

Versions (several PCs): the notulen and the decider are the ``theme_decision`` row's and a
save of either names that row's version (:attr:`ThemeRecord.version`); the theme is the
``campaign`` row's and its save names the campaign's version (:attr:`ThemeRecord.theme_version`),
the row every writer of the theme writes (the campaign dialog's rename too), so a theme
typed here never silently replaces one given elsewhere, and typing the notulen on one PC
does not refuse a theme chosen on another.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import AuditEntry, Campaign, Staff, database
from wawaran_desktop.db.stage_models import ThemeDecision
from wawaran_desktop.services import lanes, versions
from wawaran_desktop.services.campaigns import THEME_MAX
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import ConflictError, NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.campaigns import strip_controls
from wawaran_desktop.services.stages.common import clean_text, editable_campaign
from wawaran_desktop.services.step_state import stage_finished
from wawaran_desktop.services.theme_rules import check_theme, theme_changed

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

NOTULEN_MAX = 10_000
DECIDER_LANE = "kabid"  # the SOP's lane for "Menentukan tema wawaran"
# Field labels as the form shows them (the comparison of a refused save lists them).
NOTULEN_LABEL, THEME_LABEL, DECIDER_LABEL = "Notulen briefing", "Tema wawaran", "Diputuskan oleh"
DECISION_WHAT = "Notulen dan pemutus tema"  # the theme_decision row, as a refusal names it


class ThemeRecord(NamedTuple):
    campaign_id: int
    theme: str
    notulen: str
    decided_by_id: int | None
    decided_by_name: str | None
    decided_at: datetime | None  # aware UTC
    updated_by_name: str | None
    updated_at: datetime | None  # aware UTC
    version: int = 0  # the theme_decision row's stored version (notulen, decider; 0: not stored yet)
    theme_version: int = 1  # the campaign row's stored version (the theme)


def _decision_theirs(row: ThemeDecision) -> dict[str, str]:
    person = Staff.get_or_none(Staff.id == row.decided_by_id) if row.decided_by_id is not None else None
    return {NOTULEN_LABEL: row.notulen, DECIDER_LABEL: person.name if person is not None else "—"}


class _ThemeRow(NamedTuple):
    """The campaign row as a conflict tells it: who changed the theme last, from the audit."""

    version: int
    theme: str
    updated_by_id: int | None
    updated_at: datetime | None


def _theme_conflict(campaign_id: int) -> ConflictError:
    row = Campaign.get_or_none(Campaign.id == campaign_id)
    if row is None:
        return versions.conflict(THEME_LABEL, None)
    last = (AuditEntry.select(AuditEntry.actor, AuditEntry.at)
            .where((AuditEntry.campaign == campaign_id) & AuditEntry.action.in_(("theme", "rename")))
            .order_by(AuditEntry.id.desc()).first())
    told = _ThemeRow(row.version, row.theme, last.actor_id if last else None, last.at if last else None)
    return versions.conflict(THEME_LABEL, told, lambda r: {THEME_LABEL: r.theme})


class Service:
    """Notulen, theme and decider of a campaign."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def get(self, campaign_id: int) -> ThemeRecord:
        campaign = Campaign.get_or_none(Campaign.id == campaign_id)
        if campaign is None:
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        row = ThemeDecision.get_or_none(ThemeDecision.campaign == campaign_id)
        names = {}
        if row is not None:
            wanted = [i for i in (row.decided_by_id, row.updated_by_id) if i is not None]
            names = {s.id: s.name for s in Staff.select(Staff.id, Staff.name).where(Staff.id.in_(wanted))}
        return ThemeRecord(
            campaign_id=campaign_id, theme=campaign.theme,
            notulen=row.notulen if row else "",
            decided_by_id=row.decided_by_id if row else None,
            decided_by_name=names.get(row.decided_by_id) if row else None,
            decided_at=from_db(row.decided_at) if row else None,
            updated_by_name=names.get(row.updated_by_id) if row else None,
            updated_at=from_db(row.updated_at) if row else None,
            version=row.version if row else 0,
            theme_version=campaign.version,
        )

    def set_notulen(self, actor_id: int | None, campaign_id: int, notulen: str,
                    version: int | None = None) -> ThemeRecord:
        """Store the briefing minutes as typed (up to NOTULEN_MAX characters), if the decision
        is still at ``version`` (:attr:`ThemeRecord.version` as read; None: whatever is stored)."""
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "theme")
        text = strip_controls(notulen or "")
        if len(text) > NOTULEN_MAX:
            raise ValidationError(f"Notulen terlalu panjang ({len(text)} karakter, maksimal {NOTULEN_MAX}).",
                                  "notulen")
        with database.atomic():
            self._touch(campaign_id, actor, version, DECISION_WHAT, notulen=text)
            return self.get(campaign_id)  # before the commit: the version written here

    def set_theme(self, actor_id: int | None, campaign_id: int, theme: str,
                  version: int | None = None) -> ThemeRecord:
        """Store the campaign's theme (may be emptied); the change is audited. ``version`` is
        the campaign's (:attr:`ThemeRecord.theme_version` as read; None: whatever is stored)."""
        actor = self.ws.staff.require_active(actor_id)
        campaign = editable_campaign(campaign_id)
        text = check_theme(actor, campaign, clean_text(theme, "Tema wawaran", "theme", THEME_MAX, required=False))
        if text == campaign.theme:
            return self.get(campaign_id)
        now = to_db(self.ws.clock())
        with database.atomic():
            where = Campaign.id == campaign_id
            changed = Campaign.update({Campaign.theme: text, Campaign.updated_at: now,
                                       Campaign.version: Campaign.version + 1}).where(
                where if version is None else where & (Campaign.version == version)).execute()
            if not changed:
                raise _theme_conflict(campaign_id)
            theme_changed(actor, campaign, text, now)
            return self.get(campaign_id)  # before the commit: the theme's version written here

    def set_decider(self, actor_id: int | None, campaign_id: int, staff_id: int | None,
                    version: int | None = None) -> ThemeRecord:
        """Record who decided the theme (an active member of staff), now; None clears it.
        ``version`` as for :meth:`set_notulen`."""
        actor = self.ws.staff.require_active(actor_id)
        campaign = editable_campaign(campaign_id)
        lanes.require_stage(actor, campaign_id, "theme")
        finished = stage_finished(campaign, "theme")
        if staff_id is None and finished:
            raise RuleError(f"Pemutus tema tidak dapat dikosongkan karena tahap {finished} sudah selesai; "
                            f"buka kembali tahap {finished} untuk mengubahnya.")
        if staff_id is None:
            decider_name, decided_at = "-", None
        else:
            if isinstance(staff_id, bool) or not isinstance(staff_id, int):
                raise ValidationError("Pilih petugas yang memutuskan tema.", "decided_by")
            person = Staff.get_or_none(Staff.id == staff_id)
            if person is None or not person.active:
                raise ValidationError("Yang memutuskan tema harus petugas aktif di Direktori Petugas.",
                                      "decided_by")
            lanes.require_holder(person, campaign, "theme", "memutuskan tema")
            decider_name, decided_at = person.name, to_db(self.ws.clock())
        current = ThemeDecision.get_or_none(ThemeDecision.campaign == campaign_id)
        if current is not None and current.decided_by_id == staff_id:
            return self.get(campaign_id)
        with database.atomic():
            self._touch(campaign_id, actor, version, DECISION_WHAT, decided_by=staff_id,
                        decided_at=decided_at)
            record_audit(at=to_db(self.ws.clock()), actor=actor, campaign=campaign_id,
                         action="theme_decider", detail=decider_name)
            return self.get(campaign_id)  # before the commit: the version written here

    def _touch(self, campaign_id: int, actor: Staff, version: int | None, what: str, **values: object) -> None:
        """Write ``values`` to the campaign's decision row (created when missing), with who and
        when, if it is still at ``version``; raises ConflictError otherwise."""
        now = to_db(self.ws.clock())
        values.update(updated_by=actor, updated_at=now)
        versions.upsert(ThemeDecision, ThemeDecision.campaign == campaign_id, version, {"campaign": campaign_id},
                        values, what, _decision_theirs)
        Campaign.update(updated_at=now).where(Campaign.id == campaign_id).execute()


def check_finish(campaign_id: int, reason: str | None) -> None:
    """Step 3 is finished with a theme and the name of who decided it."""
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
    if not campaign.theme.strip():
        raise RuleError("Tema wawaran wajib diisi sebelum tahap 3 diselesaikan.")
    decided = ThemeDecision.get_or_none(ThemeDecision.campaign == campaign_id)
    if decided is None or decided.decided_by_id is None:
        raise RuleError("Pilih siapa yang memutuskan tema (\"Diputuskan oleh\") sebelum tahap 3 diselesaikan.")
