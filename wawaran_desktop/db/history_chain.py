"""The history's hash chain (schema 6): every ``step_event`` and ``audit_entry`` row, linked in order.

``history_link`` holds one row per history row, numbered by ``position`` (1, 2, … across both
tables: the chain's order), naming the row (``kind`` = its table, ``row_id``) and carrying
``digest`` = SHA-256 of the previous link's digest (32 zero bytes before the first) and of the
row's content in a canonical form (:func:`entry_bytes`: the position, the table, the id and every
column of what happened — who by staff id, by the name and lane they had then, by account;
when; what). A link is written in the same transaction as its row, under the ``history`` write
lock (:func:`append`), so two PCs never give two rows one position (the primary key would
refuse it anyway).

``history_anchor`` keeps the chain's head (how many entries, the last digest) outside the chain:
one row every :data:`ANCHOR_EVERY` entries and whenever a report or an evaluation is printed
(whose page also shows it). The application only ever inserts anchors. A chain can show that a
row was edited, removed or added, but not that its newest entries were cut off: an anchor that
counts more entries than the chain holds does.

Rows written before schema 6 are linked by the migration (:func:`link_pending`): every event
and audit entry in the order of their times, an audit entry before an event of the same
moment, then by id. The content read here is the columns of schema 6, in plain SQL, so the
chain's meaning never depends on today's models; it must never change (it would break every
chain already written).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from peewee import Database

from wawaran_desktop.db.canonical import canonical

#: The lock that serialises every writer of history (:func:`~wawaran_desktop.db.dialect.write_transaction`).
LOCK_KEY = "history"
#: An anchor is written whenever the chain's length is a multiple of this.
ANCHOR_EVERY = 10
#: The digest before the first entry.
GENESIS = bytes(32)
#: The history tables, in the order an audit entry and an event of the same moment are linked.
KINDS = ("audit_entry", "step_event")

#: Each history table's content (schema 6), in the order it is hashed; the id comes first.
CONTENT_SQL = {
    "step_event": "SELECT e.id, e.step_id, e.kind, e.at, e.actor_id, e.actor_name, e.actor_lane, e.account_id, "
                  "e.reason, s.campaign_id FROM step_event e LEFT JOIN step s ON s.id = e.step_id",
    "audit_entry": "SELECT a.id, a.at, a.actor_id, a.actor_name, a.actor_lane, a.account_id, a.campaign_id, "
                   "a.action, a.detail, a.campaign_id FROM audit_entry a",
}
#: Where each content row's time is (its index).
_AT = {"step_event": 3, "audit_entry": 1}
_ALIAS = {"step_event": "e", "audit_entry": "a"}


@dataclass(frozen=True)
class Row:
    """One history row as read: its table, id, campaign (for naming it), time and hashed content."""

    kind: str
    row_id: int
    campaign_id: int | None
    at: datetime
    content: tuple


@dataclass(frozen=True)
class Link:
    position: int
    kind: str
    row_id: int
    campaign_id: int | None
    digest: str


@dataclass(frozen=True)
class Anchor:
    id: int
    at: datetime
    entries: int
    digest: str
    reason: str


def _time(value: object) -> datetime:
    """A stored time as naive UTC (SQLite keeps text, PostgreSQL a timestamp)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime), value
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def entry_bytes(position: int, row: Row) -> bytes:
    """What one link hashes besides the previous digest."""
    return b"".join(canonical(v) for v in ("wawaran-history-1", position, row.kind, *row.content))


def digest(previous: str | None, position: int, row: Row) -> str:
    """The digest of the link at ``position`` naming ``row``, after the link whose digest is ``previous``."""
    before = GENESIS if previous is None else bytes.fromhex(previous)
    return hashlib.sha256(before + entry_bytes(position, row)).hexdigest()


def _row(kind: str, values: Sequence) -> Row:
    values = tuple(values)
    content = tuple(_time(v) if i == _AT[kind] else v for i, v in enumerate(values[:-1]))
    return Row(kind=kind, row_id=values[0], campaign_id=values[-1], at=content[_AT[kind]], content=content)


def read_rows(db: Database, kind: str, where: str = "", params: Sequence = ()) -> Iterator[Row]:
    """The rows of history table ``kind`` (``where``: an SQL condition on its alias ``e``/``a``)."""
    sql = CONTENT_SQL[kind] + (f" WHERE {where}" if where else "")
    for values in db.execute_sql(sql, tuple(params)).fetchall():
        yield _row(kind, values)


def read_row(db: Database, kind: str, row_id: int) -> Row:
    return next(read_rows(db, kind, f"{_ALIAS[kind]}.id = {db.param}", (row_id,)))


def head(db: Database) -> Link | None:
    """The chain's last link, or None when it is empty."""
    row = db.execute_sql("SELECT position, kind, row_id, campaign_id, digest FROM history_link "
                         "ORDER BY position DESC LIMIT 1").fetchone()
    return None if row is None else Link(*row)


def links(db: Database) -> list[Link]:
    return [Link(*r) for r in db.execute_sql(
        "SELECT position, kind, row_id, campaign_id, digest FROM history_link ORDER BY position").fetchall()]


def anchors(db: Database) -> list[Anchor]:
    return [Anchor(r[0], _time(r[1]), r[2], r[3], r[4]) for r in db.execute_sql(
        "SELECT id, at, entries, digest, reason FROM history_anchor ORDER BY id").fetchall()]


def _insert_links(db: Database, rows: Iterable[tuple]) -> None:
    p = db.param
    cursor = db.cursor()
    try:
        cursor.executemany(f"INSERT INTO history_link (position, kind, row_id, campaign_id, digest) "
                           f"VALUES ({p}, {p}, {p}, {p}, {p})", list(rows))
    finally:
        cursor.close()


def insert_anchor(db: Database, at: datetime, entries: int, digest_hex: str, reason: str,
                  campaign_id: int | None = None) -> None:
    p = db.param
    db.execute_sql(f"INSERT INTO history_anchor (at, entries, digest, reason, campaign_id) "
                   f"VALUES ({p}, {p}, {p}, {p}, {p})", (_time(at), entries, digest_hex, reason, campaign_id))


def append(db: Database, kind: str, row_id: int, at: datetime) -> Link:
    """Link the row just written (call inside the row's transaction, with the ``history`` lock
    held: :func:`~wawaran_desktop.db.dialect.write_transaction` of :data:`LOCK_KEY`).

    The row is read back, so what is hashed is exactly what is stored."""
    row = read_row(db, kind, row_id)
    last = head(db)
    position = 1 if last is None else last.position + 1
    link = Link(position, kind, row_id, row.campaign_id, digest(None if last is None else last.digest, position, row))
    _insert_links(db, [(link.position, link.kind, link.row_id, link.campaign_id, link.digest)])
    if position % ANCHOR_EVERY == 0:
        insert_anchor(db, at, position, link.digest, "entries", row.campaign_id)
    return link


def link_pending(db: Database, at: datetime | None = None, reason: str = "entries") -> int:
    """Link every history row that has no link yet, in the order of their times (an audit entry
    before an event of the same moment, then by id), after the chain's head; returns how many.

    For the migration of rows written before schema 6 and for the demo's bulk writes (call with
    the ``history`` lock held). Anchors every :data:`ANCHOR_EVERY` entries, at ``at`` (default:
    each anchored row's own time), and once at the end."""
    pending: list[Row] = []
    for kind in KINDS:
        alias = _ALIAS[kind]
        pending += read_rows(db, kind, f"NOT EXISTS (SELECT 1 FROM history_link l WHERE l.kind = '{kind}' "
                                       f"AND l.row_id = {alias}.id)")
    if not pending:
        return 0
    pending.sort(key=lambda r: (r.at, KINDS.index(r.kind), r.row_id))
    last = head(db)
    position, previous = (0, None) if last is None else (last.position, last.digest)
    out, anchors_due = [], []
    for row in pending:
        position += 1
        previous = digest(previous, position, row)
        out.append((position, row.kind, row.row_id, row.campaign_id, previous))
        if position % ANCHOR_EVERY == 0:
            anchors_due.append((row.at if at is None else at, position, previous, reason, row.campaign_id))
    _insert_links(db, out)
    if not anchors_due or anchors_due[-1][1] != position:
        row = pending[-1]
        anchors_due.append((row.at if at is None else at, position, previous, reason, row.campaign_id))
    for anchor in anchors_due:
        insert_anchor(db, *anchor)
    return len(out)


# --- verification ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One place where the history is not as it was written.

    ``what``: ``changed`` (the row at ``position`` is not what was linked there: edited, swapped
    or replaced), ``removed`` (the linked row is gone), ``link_removed`` (positions missing from
    the chain), ``inserted`` (a row with no link), ``cut_off`` (an anchor counts more entries
    than the chain has), ``anchor_differs`` (the chain's digest at an anchored length is not the
    anchored one: rewritten and recomputed)."""

    what: str
    position: int | None = None
    kind: str | None = None
    row_id: int | None = None
    campaign_id: int | None = None
    at: datetime | None = None
    count: int = 1
    anchor: Anchor | None = None


@dataclass(frozen=True)
class Verification:
    entries: int
    head: str | None
    anchors: int
    findings: tuple[Finding, ...]

    @property
    def whole(self) -> bool:
        return not self.findings


def verify(db: Database) -> Verification:
    """Check every link against the rows and the previous link, every row for a link, and every
    anchor against the chain; findings in the chain's order, then rows without a link, then anchors."""
    rows = {kind: {r.row_id: r for r in read_rows(db, kind)} for kind in KINDS}
    chain = links(db)
    findings: list[Finding] = []
    previous: str | None = None
    expected = 1
    linked: set[tuple[str, int]] = set()
    by_position: dict[int, str] = {}
    for link in chain:
        if link.position != expected:
            findings.append(Finding("link_removed", position=expected, count=link.position - expected))
        expected = link.position + 1
        row = rows.get(link.kind, {}).get(link.row_id)
        if row is None:
            findings.append(Finding("removed", link.position, link.kind, link.row_id, link.campaign_id))
        elif digest(previous, link.position, row) != link.digest:
            findings.append(Finding("changed", link.position, link.kind, link.row_id, row.campaign_id, row.at))
        linked.add((link.kind, link.row_id))
        by_position[link.position] = link.digest
        previous = link.digest
    loose = sorted((r for kind in KINDS for r in rows[kind].values() if (r.kind, r.row_id) not in linked),
                   key=lambda r: (r.at, KINDS.index(r.kind), r.row_id))
    if loose:
        first = loose[0]
        findings.append(Finding("inserted", None, first.kind, first.row_id, first.campaign_id, first.at,
                                count=len(loose)))
    length = chain[-1].position if chain else 0
    all_anchors = anchors(db)
    longest = max(all_anchors, key=lambda a: (a.entries, a.id), default=None)
    if longest is not None and longest.entries > length:
        findings.append(Finding("cut_off", position=length + 1, count=longest.entries - length, anchor=longest))
    for anchor in all_anchors:
        if anchor.entries <= length and by_position.get(anchor.entries, anchor.digest) != anchor.digest:
            findings.append(Finding("anchor_differs", position=anchor.entries, anchor=anchor))
            break
    return Verification(entries=len(chain), head=chain[-1].digest if chain else None,
                        anchors=len(all_anchors), findings=tuple(findings))
