"""Unit test modules again on a database prepared by ``init-server``, signed in as a login of its
group (tests/unit/test_pg_login_*.py): the application's own reads and writes — additions,
edits, and the deletions of items, locations, route stops, attachments, recipients, attendees,
readiness items, checklist marks, stored files — with exactly the rights init-server gives, so
a right the application needs cannot be missing (nor one it does not need be given unnoticed:
see tests/unit/test_init_server.py).

One database per test session, prepared once (roles, grants, a login); emptied by the
administrator before each test, as ``PgServer.reused_database`` empties its own.

These modules act as many people (tests/crew.py) through the one login, which has no account:
the guards of ``db/server_guards.py``, which bind what a person's login writes to that person,
are switched off in this database (by the administrator, as the tables' owner may). They are
tested on their own in tests/unit/test_server_guards.py, and with each person's own login in
tests/unit/test_server_accounts.py and tools/two_pcs_trial.py.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit, urlunsplit

LOGIN_PASSWORD = "rahasia kantor"  # the test server trusts local logins; init-server wants one
_prepared: dict[int, tuple[str, str]] = {}


def login_url(pg_server) -> str:
    """The URL, signed in as a login of init-server's group, of a database prepared by
    init-server and holding no rows (schema_version aside)."""
    import psycopg

    from wawaran_desktop.db import server_guards, server_setup
    from wawaran_desktop.db.connection import connect_postgres

    admin_url, url = _prepared.get(id(pg_server), (None, None))
    if admin_url is None:
        admin_url = pg_server.url(pg_server.create_database())
        login = f"petugas_{uuid.uuid4().hex[:10]}"
        db, where = connect_postgres(admin_url)
        try:
            result = server_setup.prepare_server(db, where, login=login, password=lambda: LOGIN_PASSWORD)
            for table, name, _when, _run in server_guards.triggers(result.tables):
                db.execute_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER {name}')
        finally:
            db.close()
        parts = urlsplit(admin_url)
        url = urlunsplit(parts._replace(netloc=f"{login}@{parts.hostname}:{parts.port}"))
        _prepared[id(pg_server)] = admin_url, url
        return url
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version'")]
        conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY")
    return url


def rerun_as_login(module_name: str, namespace: dict, sqlite_only: dict[str, str] | None = None) -> None:
    """As ``pg_server.rerun_on_postgres``, with the workspace signed in as a login of the group."""
    import pytest
    from pg_server import rerun_on_postgres

    from wawaran_desktop.services.workspace import open_workspace

    rerun_on_postgres(module_name, namespace, sqlite_only)

    @pytest.fixture
    def signed_in_url(pg_server):
        return login_url(pg_server)

    @pytest.fixture
    def ws(data_dir, clock, signed_in_url):
        workspace = open_workspace(data_dir, clock=clock.now, database_url=signed_in_url)
        yield workspace
        workspace.close()

    @pytest.fixture
    def restart(data_dir, clock, signed_in_url):
        def _restart(current, sop_path=None):
            current.close()
            return open_workspace(data_dir, sop_path=sop_path, clock=clock.now, database_url=signed_in_url)

        return _restart

    namespace.update(signed_in_url=signed_in_url, ws=ws, restart=restart)
