"""Stage 5's SRIKANDI statuses: whether each recipient of a disposition read it and followed it up.

A recipient's status, kept on their :class:`DispositionRecipient` row (schema 7):

* *Belum dibaca* — they have not opened the disposition yet (``read_at`` is None);
* *Dibaca* — they opened it (:meth:`DispositionStatusService.mark_read`, the first opening by
  the recipient; later openings change nothing);
* *Ditindaklanjuti* — they recorded what they did about it
  (:meth:`DispositionStatusService.record_follow_up`: ``followed_up_at`` and ``follow_up``;
  recording it also marks the disposition read).

Times come from the workspace clock (the server's on an office server) and each change is an
audit entry in the history chain. Saving the disposition keeps the rows of the recipients who
stay, so their status survives an edit of the sheet; a recipient removed loses theirs.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from wawaran_desktop.db.models import Campaign, Staff, database
from wawaran_desktop.db.stage_models import DispositionRecipient
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.services.errors import NotFound, RuleError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.services.stages.common import clean_text, editable_campaign

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

FOLLOW_UP_MAX = 2_000
READ_ACTION = "disposition.read"
FOLLOW_UP_ACTION = "disposition.follow_up"


class Status(Enum):
    """A recipient's SRIKANDI status, in the order it advances."""

    UNREAD = "unread"
    READ = "read"
    FOLLOWED_UP = "followed_up"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.UNREAD: "Belum dibaca",
    Status.READ: "Dibaca",
    Status.FOLLOWED_UP: "Ditindaklanjuti",
}


def status_of(read_at: datetime | None, followed_up_at: datetime | None) -> Status:
    """The one rule that turns a recipient's stored times into their status."""
    if followed_up_at is not None:
        return Status.FOLLOWED_UP
    return Status.UNREAD if read_at is None else Status.READ


class RecipientStatus(NamedTuple):
    """One recipient of a disposition and where they are with it (times aware UTC)."""

    staff_id: int
    name: str
    status: Status
    read_at: datetime | None
    followed_up_at: datetime | None
    follow_up: str

    @property
    def when(self) -> datetime | None:
        """The time of the status shown: the follow-up's, else the reading's (None: unread)."""
        return self.followed_up_at or self.read_at


def recipient_statuses(campaign_id: int) -> tuple[RecipientStatus, ...]:
    """Each recipient of the campaign's disposition with their status, by name."""
    rows = (DispositionRecipient.select(DispositionRecipient, Staff.id, Staff.name)
            .join(Staff, on=DispositionRecipient.staff == Staff.id)
            .where(DispositionRecipient.campaign == campaign_id).order_by(Staff.name, Staff.id))
    return tuple(_status(row, row.staff.name) for row in rows)


def statuses_by_campaign(campaign_ids: list[int]) -> dict[int, tuple[RecipientStatus, ...]]:
    """:func:`recipient_statuses` of many campaigns in one query (a campaign without
    recipients is left out)."""
    result: dict[int, list[RecipientStatus]] = {}
    if not campaign_ids:
        return {}
    rows = (DispositionRecipient.select(DispositionRecipient, Staff.id, Staff.name)
            .join(Staff, on=DispositionRecipient.staff == Staff.id)
            .where(DispositionRecipient.campaign.in_(campaign_ids)).order_by(Staff.name, Staff.id))
    for row in rows:
        result.setdefault(row.campaign_id, []).append(_status(row, row.staff.name))
    return {cid: tuple(items) for cid, items in result.items()}


def _status(row: DispositionRecipient, name: str) -> RecipientStatus:
    read_at, followed_up_at = from_db(row.read_at), from_db(row.followed_up_at)
    return RecipientStatus(staff_id=row.staff_id, name=name, status=status_of(read_at, followed_up_at),
                           read_at=read_at, followed_up_at=followed_up_at, follow_up=row.follow_up or "")


def _recipient(campaign_id: int, staff_id: int):
    return (DispositionRecipient.campaign == campaign_id) & (DispositionRecipient.staff == staff_id)


class DispositionStatusService:
    """Record that a recipient read a disposition or followed it up, and tell each one's status."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def statuses(self, campaign_id: int) -> tuple[RecipientStatus, ...]:
        if not Campaign.select().where(Campaign.id == campaign_id).exists():
            raise NotFound(f"Kampanye nomor {campaign_id} tidak ditemukan.")
        return recipient_statuses(campaign_id)

    def is_recipient(self, staff_id: int | None, campaign_id: int) -> bool:
        return staff_id is not None and DispositionRecipient.select().where(
            _recipient(campaign_id, staff_id)).exists()

    def mark_read(self, staff_id: int | None, campaign_id: int) -> bool:
        """The first opening of the disposition by a recipient: their status becomes *Dibaca*.

        Returns whether anything changed: an opening after the first, or by someone who is not a
        recipient (or by nobody), changes nothing.
        """
        if staff_id is None:
            return False
        now = to_db(self.ws.clock())
        with database.atomic():
            # One statement: of two PCs opening it at once, only one finds it unread.
            changed = (DispositionRecipient.update(read_at=now)
                       .where(_recipient(campaign_id, staff_id) & DispositionRecipient.read_at.is_null())
                       .execute())
            if changed:
                record_audit(at=now, actor=staff_id, campaign=campaign_id, action=READ_ACTION,
                             detail="Disposisi dibaca")
        return bool(changed)

    def record_follow_up(self, actor_id: int | None, campaign_id: int, text: str | None) -> RecipientStatus:
        """Record what recipient ``actor_id`` did about the disposition (*Ditindaklanjuti*).

        Only a recipient can; the text is required (at most :data:`FOLLOW_UP_MAX` characters).
        A later follow-up replaces the earlier one (each is kept in the audit entries). Recording
        it also marks the disposition read.
        """
        actor = self.ws.staff.require_active(actor_id)
        editable_campaign(campaign_id)
        body = clean_text(text, "Tindak lanjut", "follow_up", FOLLOW_UP_MAX, required=True)
        now = to_db(self.ws.clock())
        with database.atomic():
            row = DispositionRecipient.get_or_none(_recipient(campaign_id, actor.id))
            if row is None:
                raise RuleError(f"{actor.name} bukan penerima disposisi ini; tindak lanjut hanya dicatat "
                                "oleh petugas yang menerima disposisi.")
            DispositionRecipient.update(
                read_at=row.read_at or now, followed_up_at=now, follow_up=body).where(
                _recipient(campaign_id, actor.id)).execute()
            if row.read_at is None:
                record_audit(at=now, actor=actor, campaign=campaign_id, action=READ_ACTION,
                             detail="Disposisi dibaca")
            record_audit(at=now, actor=actor, campaign=campaign_id, action=FOLLOW_UP_ACTION, detail=body)
        return next(s for s in recipient_statuses(campaign_id) if s.staff_id == actor.id)
