"""A throw-away PostgreSQL server that wants passwords (``scram-sha-256`` over TCP), for the
tests of signing in: tests/pg_server.py's server trusts every connection, so any password, or
none, would do there.

Local (Unix socket) connections are trusted, so the tests' own set-up needs no password; the
application always connects over TCP on 127.0.0.1 and is asked for one. Use the fixture
``pg_password_server`` (module-scoped: ``initdb`` takes a second or two): it holds a login
role :data:`USER` with :data:`PASSWORD` and makes a database it owns per ``url()`` call.
"""

from __future__ import annotations

import pytest
from pg_server import SUPERUSER, PgServer, ServerUnavailable, find_bin_dir, unavailable

USER = "petugas_wawaran"
PASSWORD = "Rahasia-Kantor 2026!"


class PasswordServer(PgServer):
    """A :class:`PgServer` whose TCP connections need a password."""

    def start(self) -> PasswordServer:
        real_run = self._run

        def run(*args: str, timeout: float = 60):
            if args[0] == "initdb":  # the same initdb, with passwords over TCP
                args = tuple("--auth-local=trust" if a == "--auth=trust" else a for a in args) + (
                    "--auth-host=scram-sha-256",)
            return real_run(*args, timeout=timeout)

        self._run = run  # type: ignore[method-assign]
        super().start()
        self._admin(f"CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}'")
        return self

    def _admin(self, sql: str) -> None:
        import psycopg

        # Through the Unix socket in the server's folder (trusted): no password for set-up.
        with psycopg.connect(host=str(self.dir), port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        name = super().create_database()
        self._admin(f'ALTER DATABASE "{name}" OWNER TO {USER}')
        return name

    def url(self, dbname: str, password: str | None = None) -> str:
        """``postgresql://petugas_wawaran@127.0.0.1:PORT/dbname`` (with ``password`` written in
        when given)."""
        from urllib.parse import quote

        secret = f":{quote(password, safe='')}" if password is not None else ""
        return f"postgresql://{USER}{secret}@127.0.0.1:{self.port}/{dbname}"


@pytest.fixture(scope="module")
def pg_password_server():
    """A password-checking server for this test module; skipped (failed under ``CI=true``)
    where PostgreSQL cannot start, as the session's server is."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        unavailable("PostgreSQL's server programs (initdb, pg_ctl) were not found")
    server = PasswordServer(bin_dir)
    try:
        server.start()
    except ServerUnavailable as exc:
        server.stop()
        unavailable(str(exc))
    yield server
    server.stop()
