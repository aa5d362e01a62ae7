"""Shared by the benchmarks: a throw-away PostgreSQL server configured as an office would run it.

The tests' helper (tests/pg_server.py: ``initdb`` in a temporary folder as the ``postgres``
user when root, ``pg_ctl`` on a free port, trust authentication) is loaded from its file and
reused as it is; only the server's settings differ. The tests turn durability off
(``fsync=off``, ``synchronous_commit=off``) because they check results, not speed; a benchmark
of saves must pay what a real server pays for a commit, so this one keeps PostgreSQL's
defaults and only raises ``max_connections`` for many clients (each window holds two
connections: its queries and its change listener).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("wawaran_tests_pg_server", ROOT / "tests" / "pg_server.py")
pg_server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pg_server)

ServerUnavailable = pg_server.ServerUnavailable

#: The server's settings: PostgreSQL's durable defaults (fsync, synchronous commit, full page
#: writes) and room for many clients.
OPTIONS = "-c listen_addresses=127.0.0.1 -c max_connections=120"


class DurableServer(pg_server.PgServer):
    """:class:`tests.pg_server.PgServer` started with :data:`OPTIONS` instead of the tests' settings
    (``initdb --no-sync`` only skips syncing the new files once: the server itself is durable)."""

    OPTIONS = OPTIONS


@contextmanager
def throwaway_database(url: str | None = None) -> Iterator[str]:
    """The URL of an empty database: on a new throw-away server (stopped and removed at the
    end) unless ``url`` names one to use instead (left as it is)."""
    if url:
        yield url
        return
    bin_dir = pg_server.find_bin_dir()
    if bin_dir is None:
        raise ServerUnavailable("PostgreSQL's server programs (initdb, pg_ctl) were not found: install "
                                f"PostgreSQL or set {pg_server.BIN_ENV}, or give --database URL")
    server = DurableServer(bin_dir)
    try:
        server.start()
        yield server.url(server.create_database())
    finally:
        server.stop()
