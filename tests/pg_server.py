"""A throw-away PostgreSQL server for the tests: ``initdb`` in a temporary folder, a free port.

Started once per test session (``pg_server`` in tests/conftest.py) and stopped at its end;
each test that needs it gets a fresh, empty database (``pg_url``). As root the server runs as
the ``postgres`` user (``initdb`` and ``pg_ctl`` refuse root), through ``runuser``. Nothing is
mocked: the tests talk to a real server over TCP on 127.0.0.1.

Where the binaries are missing (a staff member's Windows PC running the README's test
command) the tests that need the server are skipped with the reason; under CI (``CI=true``)
a missing server is a failure, so CI never passes by skipping them.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


@contextlib.contextmanager
def running_server():
    """A new throw-away server for the ``with`` block (stopped and removed after it), or the
    test left by :func:`unavailable` when none can start."""
    try:
        server = start_server()
    except ServerUnavailable as exc:
        unavailable(str(exc))
    try:
        yield server
    finally:
        server.stop()


def unavailable(reason: str):
    """Leave a test that needs a server which is not there: a failure under CI (``CI=true``),
    a skip with ``reason`` elsewhere (a PC without PostgreSQL's programs)."""
    import pytest

    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true needs a PostgreSQL server: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server for these tests: {reason}")


#: Set to a folder holding ``initdb``/``pg_ctl`` to choose a PostgreSQL installation.
BIN_ENV = "WAWARAN_PG_BIN"
SUPERUSER = "postgres"


class ServerUnavailable(Exception):
    """No PostgreSQL server can be started here; ``str(exc)`` says why."""


def find_bin_dir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: $WAWARAN_PG_BIN, then PATH, then Debian's
    ``/usr/lib/postgresql/<version>/bin`` (the newest)."""
    chosen = os.environ.get(BIN_ENV)
    if chosen:
        # (shutil.which: pg_ctl.exe on Windows)
        found = shutil.which("pg_ctl", path=chosen) and shutil.which("initdb", path=chosen)
        return Path(chosen) if found else None
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    #: The server's settings. Durability is not what the tests check: no fsync makes each
    #: test's database quick (the benchmarks' server keeps PostgreSQL's durable defaults).
    OPTIONS = ("-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=50")
    """One running server; :meth:`create_database` gives each test its own database."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.as_postgres = os.geteuid() == 0 if hasattr(os, "geteuid") else False
        # Not under pytest's tmp_path: /tmp/pytest-of-root is closed to the postgres user.
        self.dir = Path(tempfile.mkdtemp(prefix="wawaran-pg-"))
        self.data = self.dir / "data"
        self.port = 0
        self._names = itertools.count(1)
        self._running = False

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise ServerUnavailable(f"{' '.join(command)} failed ({result.returncode}):\n"
                                    f"{result.stdout}\n{result.stderr}")
        return result

    def start(self) -> PgServer:
        if self.as_postgres:
            shutil.chown(self.dir, SUPERUSER, SUPERUSER)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        options = self.OPTIONS
        for attempt in range(3):  # another process may take the free port before the server does
            self.port = free_port()
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                          "-o", f"-p {self.port} -k {self.dir} {options}", "start", timeout=90)
                self._running = True
                return self
            except ServerUnavailable:
                if attempt == 2:
                    log = self.dir / "log"
                    raise ServerUnavailable("pg_ctl start failed:\n"
                                            + (log.read_text(errors="replace") if log.exists() else "")) from None
        return self

    def url(self, dbname: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        """A new empty database; returns its name."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def reused_database(self, migrate) -> str:
        """A database with the application's schema and no rows, for a test to fill; the same
        one test after test (emptied, its id sequences restarted, its stray connections
        ended), since making and migrating a new database takes ~0.1 s and emptying one ~5 ms.
        ``migrate(url)`` gives a new database its schema. Made anew if a test changed the
        schema version or the set of tables."""
        import psycopg

        name = getattr(self, "_reused", None)
        if name is not None:
            url = self.url(name)
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                if self._shape(conn) == self._reused_shape:
                    tables, _ = self._reused_shape
                    with conn.transaction():
                        conn.execute("SET LOCAL session_replication_role = replica")  # no FK order needed
                        for table in tables:
                            if table != "schema_version":
                                conn.execute(f'DELETE FROM "{table}"')
                        conn.execute("SELECT setval(s.oid::regclass, 1, false) FROM pg_class s "
                                     "WHERE s.relkind = 'S'")
                    return name
            self.drop_database(name)
        name = self.create_database()
        migrate(self.url(name))
        with psycopg.connect(self.url(name), autocommit=True) as conn:
            self._reused_shape = self._shape(conn)
        self._reused = name
        return name

    @staticmethod
    def _shape(conn) -> tuple[tuple[str, ...], object]:
        tables = tuple(r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
        version = conn.execute("SELECT version FROM schema_version").fetchall() if "schema_version" in tables else None
        return tables, version

    def halt(self) -> None:
        """Stop the server as an office's would go down (``pg_ctl stop -m fast``: every
        connection is ended), keeping its folder so that :meth:`resume` starts it again."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self._running = False

    def resume(self) -> None:
        """Start a server stopped by :meth:`halt` again, on the same port (with its data)."""
        options = "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=50"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                  "-o", f"-p {self.port} -k {self.dir} {options}", "start", timeout=90)
        self._running = True

    def stop(self) -> None:
        try:
            if self._running:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
                self._running = False
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def start_server() -> PgServer:
    """Start a server, or raise :class:`ServerUnavailable` saying why not."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise ServerUnavailable(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found: install PostgreSQL "
            f"(Debian: apt-get install postgresql) or set {BIN_ENV} to their folder")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise ServerUnavailable('psycopg 3 is not installed (pip install "psycopg[binary]")') from None
    server = PgServer(bin_dir)
    try:
        return server.start()
    except BaseException:
        server.stop()
        raise


def rerun_on_postgres(module_name: str, namespace: dict, sqlite_only: dict[str, str] | None = None) -> None:
    """Collect the tests of the unit test module ``module_name`` again in ``namespace`` (a test
    module's globals), with the ``ws`` and ``restart`` fixtures of tests/unit/conftest.py
    replaced by a workspace on a fresh database of the session's server.

    ``sqlite_only`` names the tests left out, each with why (they reach into the SQLite file).

    Every fixture the tests use through ``ws`` (``actor``, the modules' own) then works on the
    server; ``data_dir`` and ``clock`` stay as they are (the folder still holds the PC's files).
    """
    import importlib

    import pytest

    from wawaran_desktop.services.workspace import open_workspace

    module = importlib.import_module(module_name)  # the module pytest collects on its own, not a copy
    for name in dir(module):
        value = getattr(module, name)
        if name in (sqlite_only or {}):
            continue
        if name.startswith("test_") or hasattr(value, "_fixture_function_marker") or \
                type(value).__name__ == "FixtureFunctionDefinition":
            namespace[name] = value

    @pytest.fixture
    def ws(data_dir, clock, pg_empty_url):
        workspace = open_workspace(data_dir, clock=clock.now, database_url=pg_empty_url)
        yield workspace
        workspace.close()

    @pytest.fixture
    def restart(data_dir, clock, pg_empty_url):
        pg_url = pg_empty_url
        def _restart(current, sop_path=None):
            current.close()
            return open_workspace(data_dir, sop_path=sop_path, clock=clock.now, database_url=pg_url)

        return _restart

    namespace["ws"] = ws
    namespace["restart"] = restart
