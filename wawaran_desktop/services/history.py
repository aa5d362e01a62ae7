"""History nobody can rewrite unseen: the one way events and audit entries are written, and their check.

Every step event and audit entry is written by :func:`record_event` or :func:`record_audit`,
which keep who acted as they were then (staff id, name, lane, account), and link the row into
the hash chain in the same transaction (``db/history_chain.py``). :class:`HistoryService`
anchors the chain's head (printed on reports too) and verifies chain and anchors
(``main.py verify-history``, *Bantuan → Periksa Riwayat…*).

What it protects against: anyone who edits, deletes, adds or reorders history rows by hand
(``sqlite3``, ``psql`` as the tables' owner), or cuts off the newest ones, without recomputing
the chain and every anchor — printed heads included. Someone who recomputes all of it is not
detected; in server mode people's own logins cannot write history at all (init-server's rights).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from wawaran_desktop.db import history_chain
from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Account, AuditEntry, Staff, StepEvent, database
from wawaran_desktop.services.clock import from_db, to_db
from wawaran_desktop.text import formatting as fmt

if TYPE_CHECKING:
    from wawaran_desktop.services.workspace import Workspace

#: How many findings a verification's message lists.
SHOWN = 5
_TABLES = {"step_event": "peristiwa tahap", "audit_entry": "catatan audit"}


def _actor(actor: Staff | int | None) -> Staff | None:
    if actor is None or isinstance(actor, Staff):
        return actor
    return Staff.get_or_none(Staff.id == actor)


def _id(value: object) -> int | None:
    return getattr(value, "id", value)


def _account_of(person: Staff | None, account_id: int | None) -> int | None:
    """The account the person acts as: ``account_id`` when given, else their account's (None: none)."""
    if account_id is not None or person is None:
        return account_id
    row = Account.select(Account.id).where(Account.staff == person.id).first()
    return row.id if row is not None else None


def record_event(*, step: object, kind: str, at: datetime, actor: Staff | int, reason: str | None = None,
                 account_id: int | None = None) -> StepEvent:
    """Write a step event (``at``: naive UTC, as stored) and link it into the chain."""
    person = _actor(actor)
    with write_transaction(history_chain.LOCK_KEY):
        row = StepEvent.create(step=_id(step), kind=kind, at=at, actor=_id(actor), reason=reason,
                               actor_name=person.name if person else "", actor_lane=person.lane if person else "",
                               account_id=_account_of(person, account_id))
        history_chain.append(database, "step_event", row.id, at)
    return row


def record_audit(*, at: datetime, actor: Staff | int | None, action: str, detail: str = "",
                 campaign: object = None, account_id: int | None = None) -> AuditEntry:
    """Write an audit entry (``at``: naive UTC) and link it into the chain."""
    person = _actor(actor)
    with write_transaction(history_chain.LOCK_KEY):
        row = AuditEntry.create(at=at, actor=_id(actor), campaign=_id(campaign), action=action, detail=detail,
                                actor_name=person.name if person else "",
                                actor_lane=person.lane if person else "", account_id=_account_of(person, account_id))
        history_chain.append(database, "audit_entry", row.id, at)
    return row


def link_bulk(at: datetime | None = None) -> int:
    """Link every history row written in bulk without a link (the demo), filling in who acted as
    named now; call inside the batch's transaction. Returns how many were linked."""
    with write_transaction(history_chain.LOCK_KEY):
        for model in (StepEvent, AuditEntry):
            unlinked = model.select(model.id).where(model.actor_name == "", model.actor.is_null(False))
            if not unlinked.exists():  # (on the office server history may be added to, never updated)
                continue
            for person in Staff.select(Staff.id, Staff.name, Staff.lane):
                (model.update(actor_name=person.name, actor_lane=person.lane)
                 .where(model.actor == person.id, model.id.in_(unlinked)).execute())
        return history_chain.link_pending(database, None if at is None else to_db(at))


@dataclass(frozen=True)
class Head:
    """The chain's length and last digest (what a document prints)."""

    entries: int
    digest: str

    @property
    def line(self) -> str:
        """``Rantai riwayat: 1.234 entri, kepala a1b2c3d4…``"""
        if not self.entries:
            return "Rantai riwayat: belum ada entri."
        return f"Rantai riwayat: {fmt.thousands(self.entries)} entri, kepala {self.digest[:8]}…"


@dataclass(frozen=True)
class HistoryCheck:
    """A verification's result and its message in Indonesian."""

    whole: bool
    entries: int
    head: Head
    anchors: int
    message: str


class HistoryService:
    def __init__(self, ws: Workspace) -> None:
        self.clock = ws.clock

    def head(self) -> Head:
        last = history_chain.head(database)
        return Head(0, "") if last is None else Head(last.position, last.digest)

    def anchor(self, reason: str, campaign_id: int | None = None) -> Head:
        """Keep the chain's head outside the chain (a report or evaluation printed); returns it."""
        with write_transaction(history_chain.LOCK_KEY):
            head = self.head()
            if head.entries:
                history_chain.insert_anchor(database, to_db(self.clock()), head.entries, head.digest, reason,
                                            campaign_id)
        return head

    def verify(self) -> HistoryCheck:
        with database.atomic():  # one moment of every table
            result = history_chain.verify(database)
        head = Head(result.entries, result.head or "")
        if result.whole:
            message = (f"Riwayat utuh: {fmt.thousands(result.entries)} entri berantai, kepala "
                       f"{head.digest[:16] or '-'}; {fmt.thousands(result.anchors)} jangkar cocok.")
        else:
            lines = [_describe(f) for f in result.findings[:SHOWN]]
            more = len(result.findings) - SHOWN
            message = ("Riwayat TIDAK utuh: ada yang diubah, dihapus, disisipkan atau dipotong di luar aplikasi.\n"
                       + "\n".join(f"- {line}" for line in lines)
                       + (f"\n- … dan {more} temuan lain." if more > 0 else ""))
        return HistoryCheck(result.whole, result.entries, head, result.anchors, message)


def _place(f: history_chain.Finding) -> str:
    parts = [f"{_TABLES.get(f.kind or '', f.kind)} id {f.row_id}"]
    if f.campaign_id is not None:
        parts.append(f"kampanye {f.campaign_id}")
    if f.at is not None:
        parts.append(fmt.date_time(from_db(f.at)))
    return ", ".join(parts)


def _describe(f: history_chain.Finding) -> str:
    if f.what == "changed":
        return f"Entri ke-{f.position} ({_place(f)}) berubah: isinya, urutannya atau barisnya bukan yang tercatat."
    if f.what == "removed":
        return f"Entri ke-{f.position} ({_place(f)}) dihapus."
    if f.what == "link_removed":
        return f"Entri ke-{f.position}" + (f" s.d. ke-{f.position + f.count - 1}" if f.count > 1 else "") + \
            " hilang dari rantai (baris dan tautannya dihapus)."
    if f.what == "inserted":
        return (f"{fmt.thousands(f.count)} baris disisipkan tanpa tautan rantai; yang pertama: {_place(f)}.")
    anchor = f.anchor
    assert anchor is not None
    when = fmt.date_time(from_db(anchor.at))
    if f.what == "cut_off":
        return (f"Entri terbaru dipotong: jangkar {when} mencatat {fmt.thousands(anchor.entries)} entri, rantai kini "
                f"hanya {fmt.thousands(f.position - 1)} (entri ke-{f.position} dst. hilang).")
    return (f"Rantai sampai entri ke-{f.position} tidak sama dengan jangkar {when} (kepala {anchor.digest[:8]}…): "
            "riwayat ditulis ulang dan dihitung ulang.")

