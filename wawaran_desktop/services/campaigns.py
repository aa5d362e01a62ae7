"""Campaigns: create, rename, cancel, find, and read a whole campaign."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import AuditEntry, Campaign, ChecklistMark, Staff, Step, StepEvent, database
from wawaran_desktop.services import lanes, sop_registry, theme_rules, versions
from wawaran_desktop.services.clock import from_db, to_db, wib_day_start_utc
from wawaran_desktop.services.errors import ConflictError, NotFound, RuleError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.records import CampaignRecord, CampaignStatus, CampaignSummary, EventRecord, StepRecord
from wawaran_desktop.services.timing import Thresholds

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

TITLE_MAX = 200
THEME_MAX = 200
REASON_MAX = 1000
#: C0 control characters (and DEL) other than tab and line feed: XML cannot hold most of them,
#: so a Word or Excel export would fail on them; a pasted ``\r\n`` keeps its line break.
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def strip_controls(value: str) -> str:
    """``value`` without control characters other than tab and newline (CR LF and CR become LF)."""
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)


def clean_text(value: str | None, label: str, field: str, maximum: int, required: bool) -> str:
    """Strip ``value``, drop control characters and check its length; messages name the field
    in Indonesian."""
    text = strip_controls(value or "").strip()
    if required and not text:
        raise ValidationError(f"{label} wajib diisi.", field)
    if len(text) > maximum:
        raise ValidationError(
            f"{label} terlalu panjang ({len(text)} karakter, maksimal {maximum}).", field)
    return text


#: What a refused rename names, and the rename dialog's labels of what it compares.
RENAME_WHAT = "Judul dan tema kampanye"
TITLE_LABEL, THEME_LABEL = "Judul", "Tema"


def rename_conflict(campaign_id: int) -> ConflictError:
    """The refusal of a rename of ``campaign_id`` based on an older title and theme: who changed
    them last and when (the audit entry of the rename or of the theme decided at stage 3)."""
    row = Campaign.get_or_none(Campaign.id == campaign_id)
    if row is None:
        return versions.conflict(RENAME_WHAT, None)
    last = (AuditEntry.select(AuditEntry.actor, AuditEntry.at)
            .where((AuditEntry.campaign == campaign_id) & AuditEntry.action.in_(("rename", "theme")))
            .order_by(AuditEntry.id.desc()).first())
    told = SimpleNamespace(version=row.version, title=row.title, theme=row.theme,
                           updated_by_id=last.actor_id if last is not None else None,
                           updated_at=last.at if last is not None else None)
    return versions.conflict(RENAME_WHAT, told, lambda r: {TITLE_LABEL: r.title, THEME_LABEL: r.theme})


class CampaignQuery(NamedTuple):
    """Filters of the campaign list; dates are WIB calendar days, inclusive."""

    text: str = ""
    status: CampaignStatus | None = None
    date_from: date | None = None
    date_to: date | None = None


def lock_key(campaign_id: int) -> str:
    """What a change of a campaign's state serialises (steps started, finished, paused,
    reopened; the campaign cancelled): two PCs acting at once are told, not both recorded."""
    return f"campaign.{campaign_id}"


class CampaignService:
    def __init__(self, ws: Workspace) -> None:
        self.sop = ws.sop
        self.staff = ws.staff
        self.clock = ws.clock
        self.limits: Callable[[], Thresholds] = lambda: ws.thresholds  # in force, for every record's status

    def check_may_create(self, actor_id: int | None) -> None:
        """Refuse (``lanes.OutsideLane``, naming who may) unless ``actor_id`` may create a campaign:
        asked before a form is filled in, and checked again by :meth:`create`."""
        lanes.require_campaign(self.staff.require_active(actor_id), self.sop)

    def create(self, actor_id: int | None, title: str, theme: str = "") -> CampaignRecord:
        """A new campaign: by the lanes of the SOP's first activity (services/lanes.py)."""
        actor = self.staff.require_active(actor_id)
        lanes.require_campaign(actor, self.sop)
        title = clean_text(title, "Judul kampanye", "title", TITLE_MAX, required=True)
        theme = clean_text(theme, "Tema", "theme", THEME_MAX, required=False)
        now = to_db(self.clock())
        with database.atomic():
            version_id = sop_registry.register(self.sop, self.clock)
            campaign = Campaign.create(
                title=title, theme=theme, sop=version_id, status=CampaignStatus.DRAFT.value,
                current_no=1, created_at=now, created_by=actor, updated_at=now,
            )
            Step.insert_many(
                [{"campaign": campaign.id, "no": a.no, "standard_minutes": a.standard_minutes}
                 for a in self.sop.activities]
            ).execute()
            record_audit(at=now, actor=actor, campaign=campaign, action="create", detail=title)
        return self.get(campaign.id)

    def rename(self, actor_id: int | None, campaign_id: int, title: str, theme: str | None = None,
               version: int | None = None) -> CampaignRecord:
        """Store a new title (and theme, unless None): the title by the lanes that run campaigns,
        the theme as stage 3 changes it (its lanes and rules, audited as ``theme``); nothing
        changed, nothing written. ``version``: the campaign's as read
        (:attr:`CampaignRecord.version`); when another PC renamed it or changed its theme since,
        nothing is stored and ConflictError says who and when. None: no check."""
        actor = self.staff.require_active(actor_id)
        campaign = self._row(campaign_id)
        if version is not None and version != campaign.version:  # what they saw is not what is stored:
            raise rename_conflict(campaign_id)  # (a theme another PC changed is not this person's change)
        title = clean_text(title, "Judul kampanye", "title", TITLE_MAX, required=True)
        changes = {}
        if title != campaign.title:
            lanes.require_campaign(actor, sop_registry.pinned(campaign.sop_id))
            changes["title"] = title
        if theme is not None:
            theme = clean_text(theme, "Tema", "theme", THEME_MAX, required=False)
            if theme != campaign.theme:  # the theme is step 3's: its lanes and rules (services/stages/theme.py)
                if campaign.status == CampaignStatus.CANCELLED.value:
                    raise RuleError("Kampanye ini sudah dibatalkan; isinya tidak bisa diubah.")
                changes["theme"] = theme_rules.check_theme(actor, campaign, theme)
        if not changes:
            return self.get(campaign_id)
        now = to_db(self.clock())
        with database.atomic():
            try:
                versions.update(Campaign, Campaign.id == campaign_id, version, {**changes, "updated_at": now},
                                RENAME_WHAT)
            except ConflictError:
                raise rename_conflict(campaign_id) from None
            if "title" in changes:
                record_audit(at=now, actor=actor, campaign=campaign_id, action="rename",
                             detail=f"{campaign.title} -> {title}")
            if "theme" in changes:
                theme_rules.theme_changed(actor, campaign, changes["theme"], now)
        return self.get(campaign_id)

    def cancel(self, actor_id: int | None, campaign_id: int, reason: str) -> CampaignRecord:
        actor = self.staff.require_active(actor_id)
        reason = clean_text(reason, "Alasan pembatalan", "reason", REASON_MAX, required=True)
        with write_transaction(lock_key(campaign_id)):  # the status checked and written with no writer between
            campaign = self._row(campaign_id)
            if campaign.status == CampaignStatus.CANCELLED.value:
                raise RuleError("Kampanye ini sudah dibatalkan.")
            if campaign.status == CampaignStatus.DONE.value:
                raise RuleError("Kampanye ini sudah selesai seluruh tahapnya, jadi tidak dapat dibatalkan.")
            lanes.require_campaign(actor, sop_registry.pinned(campaign.sop_id), reason=reason)
            now = to_db(self.clock())
            Campaign.update(status=CampaignStatus.CANCELLED.value, cancelled_at=now, cancelled_by=actor,
                            cancel_reason=reason, updated_at=now).where(Campaign.id == campaign_id).execute()
            record_audit(at=now, actor=actor, campaign=campaign_id, action="cancel", detail=reason)
        return self.get(campaign_id)

    def list(self, query: CampaignQuery = CampaignQuery(), *, after: CampaignSummary | None = None,
             limit: int | None = None) -> list[CampaignSummary]:
        """Campaigns matching ``query``, newest first.

        ``after`` and ``limit`` read the list a page at a time: at most ``limit`` campaigns,
        those that come after ``after`` (the last one of the previous page) in this order.
        """
        q = self.matching(Campaign.select(Campaign.id, Campaign.title, Campaign.theme, Campaign.status,
                                           Campaign.current_no, Campaign.created_at), query)
        if after is not None:
            created = to_db(after.created_at)
            q = q.where((Campaign.created_at < created)
                        | ((Campaign.created_at == created) & (Campaign.id < after.id)))
        q = q.order_by(Campaign.created_at.desc(), Campaign.id.desc())
        if limit is not None:
            q = q.limit(limit)
        statuses = {s.value: s for s in CampaignStatus}
        # This runs at start-up: peewee builds the SQL, the rows come straight from the
        # cursor (no per-row model or converter work).
        cursor = database.execute(q)
        return [
            CampaignSummary(id=ident, title=title, theme=theme, status=statuses[status],
                            current_no=current, created_at=from_db(created))
            for ident, title, theme, status, current, created in cursor
        ]

    @staticmethod
    def matching(q, query: CampaignQuery):
        """``q`` narrowed to the campaigns ``query`` asks for (the list's search and filters)."""
        text = query.text.strip()
        if text:  # LIKE: case-insensitive; peewee escapes % and _ in the text
            q = q.where(Campaign.title.contains(text) | Campaign.theme.contains(text))
        if query.status is not None:
            q = q.where(Campaign.status == query.status.value)
        if query.date_from is not None:
            q = q.where(Campaign.created_at >= to_db(wib_day_start_utc(query.date_from)))
        if query.date_to is not None:
            q = q.where(Campaign.created_at < to_db(wib_day_start_utc(query.date_to + timedelta(days=1))))
        return q

    def get(self, campaign_id: int) -> CampaignRecord:
        """The whole campaign: its pinned SOP, every step, event and ticked item."""
        campaign = self._row(campaign_id)
        sop = sop_registry.pinned(campaign.sop_id)
        step_rows = list(Step.select().where(Step.campaign == campaign_id).order_by(Step.no))
        step_ids = [row.id for row in step_rows]
        names = {row.id: row.name for row in Staff.select(Staff.id, Staff.name)}
        events: dict[int, list[EventRecord]] = {i: [] for i in step_ids}
        for e in (StepEvent.select().where(StepEvent.step.in_(step_ids))
                  .order_by(StepEvent.at, StepEvent.id)):
            events[e.step_id].append(EventRecord(kind=e.kind, at=from_db(e.at), actor_id=e.actor_id,
                                                 actor_name=e.actor_name or names.get(e.actor_id, "?"),
                                                 reason=e.reason))  # the name they had then
        checked: dict[int, set[int]] = {i: set() for i in step_ids}
        for m in ChecklistMark.select().where(ChecklistMark.step.in_(step_ids)):
            checked[m.step_id].add(m.item)
        steps = [
            StepRecord(
                no=row.no, activity=sop.activity(row.no), standard_minutes=row.standard_minutes,
                assignee_id=row.assignee_id, assignee_name=names.get(row.assignee_id),
                notes=row.notes, events=tuple(events[row.id]), checked=frozenset(checked[row.id]),
                limits=self.limits(), stopped_at=from_db(campaign.cancelled_at), notes_version=row.version,
            )
            for row in step_rows
        ]
        return CampaignRecord(
            id=campaign.id, title=campaign.title, theme=campaign.theme,
            status=CampaignStatus(campaign.status), current_no=campaign.current_no,
            created_at=from_db(campaign.created_at), created_by_name=names.get(campaign.created_by_id, "?"),
            cancelled_at=from_db(campaign.cancelled_at), cancel_reason=campaign.cancel_reason,
            sop=sop, steps=tuple(steps), limits=self.limits(), version=campaign.version,
        )

    def matches(self, campaign_id: int, query: CampaignQuery) -> bool:
        """Whether campaign ``campaign_id`` is among those ``query`` lists."""
        return self.matching(Campaign.select().where(Campaign.id == campaign_id), query).exists()

    def count(self, query: CampaignQuery | None = None) -> int:
        """How many campaigns there are (matching ``query`` when given)."""
        q = Campaign.select()
        return (self.matching(q, query) if query is not None else q).count()

    @staticmethod
    def _row(campaign_id: int) -> Campaign:
        if not -(1 << 63) <= campaign_id < 1 << 63:  # no such id can be stored (SQLite's 64-bit integers)
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        row = Campaign.get_or_none(Campaign.id == campaign_id)
        if row is None:
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        return row
