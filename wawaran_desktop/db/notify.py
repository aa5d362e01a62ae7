"""Hearing of changes made by other PCs and processes (no Qt: ``workers.ChangeFeed`` turns this
into signals).

PostgreSQL: every application table has a trigger (migration 4, :mod:`.migrations`) that calls
``pg_notify('wawaran', campaign id or '*')`` for each row written; the notice reaches listeners
only when the writer's transaction commits. A :class:`Listener` is a connection of its own in
autocommit mode that has said ``LISTEN wawaran``; :meth:`Listener.wait` gathers what arrived.
Notices sent while a listener is disconnected are lost: after reconnecting, refresh everything.

SQLite has no notices: ``PRAGMA data_version`` (:func:`data_version`) changes when another
connection to the file has committed, and is cheap enough to ask twice a second.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from wawaran_desktop.db.migrations import NOTIFY_CHANNEL
from wawaran_desktop.db.models import database

#: A notice's payload for "anything may have changed" (a row of no campaign, too many campaigns).
EVERYTHING = "*"

#: libpq's settings of the listening connection: give up connecting after this long, and
#: notice a server that went away without closing the connection (a cable pulled) in ~10 s.
CONNECT_OPTIONS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 5,
                   "keepalives_interval": 2, "keepalives_count": 2}


def bound() -> Database | None:
    """The database the application opened (None before it did)."""
    return database.obj


def is_server(db: Database | None = None) -> bool:
    """True when ``db`` (by default the bound one) is a PostgreSQL server's database."""
    return isinstance(db if db is not None else database.obj, PostgresqlDatabase)


def merge(payloads: Iterable[str]) -> frozenset[int] | None:
    """The campaign ids named by notices' payloads; None when one of them says that anything
    may have changed (or is not understood)."""
    ids = set()
    for payload in payloads:
        for part in payload.split(","):
            part = part.strip()
            if not part.isdigit():
                return None
            ids.add(int(part))
    return frozenset(ids)


def data_version(db: Database | None = None) -> int | None:
    """SQLite's count that changes whenever *another* connection commits to the file (this
    connection's own commits leave it alone); None on an engine that notifies instead."""
    db = db if db is not None else database.obj
    if not isinstance(db, SqliteDatabase):
        return None
    return db.execute_sql("PRAGMA data_version").fetchone()[0]


class Listener:
    """A connection of its own to the server of ``db`` that listens for change notices.

    Not thread-safe: one thread connects, waits and closes it. Errors are psycopg's
    (``psycopg.Error``, e.g. ``OperationalError`` when the server is down or went away).
    """

    def __init__(self, db: PostgresqlDatabase, channel: str = NOTIFY_CHANNEL) -> None:
        self.channel = channel
        self._params = {"dbname": db.database, **db.connect_params, **CONNECT_OPTIONS}
        self._conn = None

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def connect(self) -> None:
        """Connect and ``LISTEN`` (closing an earlier connection first)."""
        import psycopg

        self.close()
        conn = psycopg.connect(autocommit=True, **self._params)
        try:
            conn.execute(f'LISTEN "{self.channel}"')
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def wait(self, timeout: float) -> list[str]:
        """The payloads of the notices that arrive within ``timeout`` seconds (all that are
        waiting, once the first has come: a burst of commits is one answer)."""
        if self._conn is None:
            raise RuntimeError("Listener.wait() before connect()")
        payloads = [n.payload for n in self._conn.notifies(timeout=timeout, stop_after=1)]
        if payloads:  # then whatever else is already there, without waiting again
            payloads += [n.payload for n in self._conn.notifies(timeout=0)]
        return payloads

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with suppress(Exception):  # a broken connection may fail to close: it is gone anyway
                conn.close()
