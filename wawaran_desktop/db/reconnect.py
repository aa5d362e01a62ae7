"""A lost connection to the office's database server, told apart and mended (no Qt).

When the server stops or the network drops, the connection peewee holds is dead: every query
on it fails (``OperationalError``) even after the server is back, because peewee still counts
it as open. :func:`connection_lost` says whether an error is that (and not a refused rule or a
broken statement), :func:`reconnect` closes the dead connection and opens a new one.

A transaction that was cut off is rolled back by the server, so what was not acknowledged was
not stored (and what was acknowledged was committed): the window keeps the typed text and
stores it again once :func:`reconnect` succeeded.
"""

from __future__ import annotations

from contextlib import suppress

from peewee import Database, InterfaceError, OperationalError, PostgresqlDatabase

from wawaran_desktop.db.models import database


def _target(db: Database | None) -> Database | None:
    return db if db is not None else database.obj


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def connection_lost(exc: BaseException, db: Database | None = None) -> bool:
    """True when ``exc`` comes from a lost connection to a database server (``db``, by default
    the bound one): the server stopped, restarted or cannot be reached."""
    target = _target(db)
    if not isinstance(target, PostgresqlDatabase):
        return False  # a file's connection is not lost: its errors are other errors
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a PostgreSQL database was opened, so it is there
        return False
    kinds = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)
    if not any(isinstance(e, kinds) for e in _chain(exc)):
        return False
    return not usable(target)


def usable(db: Database | None = None) -> bool:
    """False when ``db``'s connection is closed or broken (it may still count as open to
    peewee); True when it is open and alive as far as the client knows (no round trip)."""
    target = _target(db)
    if target is None or target.is_closed():
        return False
    conn = target.connection()
    return not (getattr(conn, "closed", False) or getattr(conn, "broken", False))


def reconnect(db: Database | None = None) -> bool:
    """Close ``db``'s dead connection and connect again; True when the server answered.

    A no-op (True) when the connection answers. Call it on the thread that owns the
    connection (peewee keeps one per thread).
    """
    target = _target(db)
    if target is None:
        return False
    if usable(target):
        try:  # alive as far as the client knows: ask the server (after a restart it is not)
            target.execute_sql("SELECT 1").fetchone()
            return True
        except (OperationalError, InterfaceError):
            pass
    with suppress(Exception):  # closing a dead connection may fail: it is gone either way
        target.close()
    try:
        target.connect(reuse_if_open=True)
        target.execute_sql("SELECT 1").fetchone()
    except (OperationalError, InterfaceError):
        with suppress(Exception):
            target.close()
        return False
    return True
