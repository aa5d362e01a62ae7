"""A throw-away PostgreSQL server that checks every person's password, as an office's does, and
an office database on it prepared by ``init-server`` (server-mode sign-in tests, unit and GUI)."""

from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from wawaran_desktop import cli
from wawaran_desktop.app import build_parser
from wawaran_desktop.db import server_setup
from wawaran_desktop.services.accounts import sign_in_to_server

OWNER, GROUP = server_setup.DEFAULT_OWNER, server_setup.DEFAULT_GROUP
ADMIN_PASSWORD = "kunci-admin-2026"
ONE_TIME = "sekali-pakai-123"
NEW_PASSWORD = "kata-sandi-baru-budi"
HBA = ["local all all trust",
       "host all postgres 127.0.0.1/32 trust",  # the tests' own administration
       "host all all 127.0.0.1/32 scram-sha-256"]


@contextmanager
def scram_server():
    """A server of its own that checks every person's password (``scram-sha-256``)."""
    from pg_server import running_server

    with running_server() as server:
        with psycopg.connect(host="127.0.0.1", port=server.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            hba = conn.execute("SHOW hba_file").fetchone()[0]
            conn.execute(f"COPY (SELECT unnest(%s::text[])) TO '{hba}'".replace("%s", "ARRAY[" + ", ".join(
                "'" + line + "'" for line in HBA) + "]"))
            conn.execute("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 10
        while True:  # until the new rules answer: a login without a password is refused
            try:
                psycopg.connect(host="127.0.0.1", port=server.port, user="nobody_here", dbname="postgres").close()
            except psycopg.OperationalError as exc:
                if "password" in str(exc) or time.monotonic() > deadline:
                    break
            time.sleep(0.05)
        yield server


@dataclass
class Office:
    """A database prepared by ``init-server --login <admin>``; ``url`` signs in as the superuser."""

    url: str
    admin: str
    data_dir: Path
    database: str = ""

    def address(self) -> str:
        """The server's address as a PC keeps it: no user, no password."""
        parts = urlsplit(self.url)
        return f"postgresql://{parts.hostname}:{parts.port}{parts.path}"

    def sign_in(self, name: str, password: str):
        return sign_in_to_server(self.data_dir, self.address(), name, password)

    def psql(self, name: str, password: str) -> psycopg.Connection:
        """A person's own login, as ``psql`` would sign in with it."""
        parts = urlsplit(self.url)
        return psycopg.connect(host=parts.hostname, port=parts.port, dbname=parts.path[1:], user=name,
                               password=password, autocommit=True)


def unique(prefix: str) -> str:
    """Roles belong to the whole server: every test's names are its own."""
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def prepare_office(server, data_dir: Path, admin: str, admin_name: str = "Rina Wulandari") -> Office:
    """A new database on ``server`` prepared by ``init-server --login admin`` (password
    :data:`ADMIN_PASSWORD`, from ``WAWARAN_PASSWORD`` as the command reads it)."""
    import os

    name = server.create_database()
    url = server.url(name)
    before = os.environ.get("WAWARAN_PASSWORD")
    os.environ["WAWARAN_PASSWORD"] = ADMIN_PASSWORD
    try:
        assert cli.run(build_parser().parse_args(
            ["--database", url, "init-server", "--login", admin, "--admin-name", admin_name])) == 0
    finally:
        if before is None:
            os.environ.pop("WAWARAN_PASSWORD", None)
        else:
            os.environ["WAWARAN_PASSWORD"] = before
    return Office(url=url, admin=admin, data_dir=data_dir, database=name)


def add_person(office: Office, name: str = "Budi Santoso", *, is_admin: bool = False) -> str:
    """A staff entry and its account with a one-time password, made by the administrator in the app."""
    username = unique("budi")
    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        person = ws.staff.add(name, None, "Pranata Humas", "tim", actor_id=admin.staff_id)
        made = ws.accounts.create(admin.staff_id, person.id, username, is_admin=is_admin, one_time_password=ONE_TIME)
        assert (made.must_change, made.has_password, made.is_admin) == (True, True, is_admin)
    finally:
        ws.close()
    return username


