"""Shared test setup: Qt runs offscreen unless ``--onscreen`` is given."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

# The offscreen platform's default 800x800 screen is smaller than any office PC; give it
# the common 1366x768 laptop screen, so window sizes behave as on the office's machines.
SCREEN_CONFIG = Path(__file__).with_name("offscreen_screen.json")


def pytest_addoption(parser):
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on a real display")


def pytest_configure(config):
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"


@pytest.fixture
def machine_zone():
    """Set the machine's time zone for this test (``machine_zone("Pacific/Kiritimati")``), as
    CI in another country would have it; restored afterwards."""
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


# A throw-away PostgreSQL server (tests/pg_server.py): one per session, a fresh database per test.

@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server; skipped where PostgreSQL is not installed, except that
    under CI (``CI=true``) a server that cannot start fails the tests that need it."""
    from pg_server import running_server  # tests/pg_server.py

    with running_server() as server:
        yield server


@pytest.fixture
def private_pg():
    """A PostgreSQL server of the test's own, which it may stop and start again (``halt`` /
    ``resume``) without disturbing the session's server."""
    from pg_server import running_server

    with running_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database on the session's server, dropped after the test."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_empty_url(pg_server) -> str:
    """The URL of a database with the application's schema and no rows (one database reused,
    emptied before each test: see ``PgServer.reused_database``)."""
    from wawaran_desktop.db.connection import close_database, open_database_url

    def migrate(url: str) -> None:
        open_database_url(url)
        close_database()

    return pg_server.url(pg_server.reused_database(migrate))
