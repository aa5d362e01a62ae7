"""tests/unit/test_accounts.py again, on a PostgreSQL server (tests/pg_server.py); and what only a
server has: a schema-4 database upgraded, and accounts carried over by ``migrate-to``."""

import pytest
from peewee import IntegrityError
from pg_server import rerun_on_postgres

from wawaran_desktop import cli
from wawaran_desktop.app import build_parser
from wawaran_desktop.db import dialect
from wawaran_desktop.db.connection import close_database, connect_postgres, open_database_url
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations
from wawaran_desktop.services.accounts import AccountService, SignInRefused
from wawaran_desktop.services.workspace import open_workspace

rerun_on_postgres("test_accounts", globals(), sqlite_only={
    "test_a_schema_4_file_gets_an_empty_account_table_and_keeps_its_staff": "made from a SQLite file; "
                                                                            "the server's own is below",
})

from test_accounts import ADMIN_PASSWORD, FAST, PASSWORD


def test_a_schema_4_server_gets_an_empty_account_table_and_keeps_its_staff(pg_url, data_dir, clock):
    db, _where = connect_postgres(pg_url)
    try:
        with db.atomic():
            apply_migrations(db, up_to=4)
        db.execute_sql("INSERT INTO staff (name, lane, position, created_at) VALUES "
                       "('Rina Wulandari', 'subkor', 'Staf', '2026-01-05'), ('Budi Santoso', 'tim', 'Staf', '2026-01-05')")
    finally:
        db.close()
    ws = open_workspace(data_dir, clock=clock.now, database_url=pg_url)
    try:
        assert dialect.schema_version() == LATEST_VERSION
        service = AccountService(ws, hasher=FAST)
        assert not service.has_accounts()
        assert [s.name for s in service.missing()] == ["Budi Santoso", "Rina Wulandari"]
        rina = next(s for s in ws.staff.list() if s.lane == "subkor")
        service.create_first_admin(rina.id, "rina", ADMIN_PASSWORD)
        assert service.sign_in("rina", ADMIN_PASSWORD).is_admin
    finally:
        ws.close()


def test_migrate_to_carries_accounts_with_their_hashes_and_counts(data_dir, clock, pg_url, capsys):
    ws = open_workspace(data_dir, clock=clock.now)
    service = AccountService(ws, hasher=FAST)
    rina = ws.staff.add("Rina Wulandari", None, "Sub Koordinator", "subkor")
    budi = ws.staff.add("Budi Santoso", None, "Pranata Humas", "tim")
    admin = service.create_first_admin(rina.id, "rina", ADMIN_PASSWORD)
    service.create(admin.staff_id, budi.id, "budi", one_time_password=PASSWORD)
    service.sign_in("rina", ADMIN_PASSWORD)
    with pytest.raises(SignInRefused):
        service.sign_in("budi", "salah-lagi-salah")  # a failure and its wait, carried too
    file_rows = [(a.username, a.is_admin, a.must_change, a.failed_count, a.locked_until, a.last_sign_in_at)
                 for a in service.list()]
    ws.close()
    assert cli.run(build_parser().parse_args(["--data-dir", str(data_dir), "migrate-to", pg_url])) == 0
    assert "account" in capsys.readouterr().out
    ws = open_workspace(data_dir, clock=clock.now, database_url=pg_url)
    try:
        service = AccountService(ws, hasher=FAST)
        assert [(a.username, a.is_admin, a.must_change, a.failed_count, a.locked_until, a.last_sign_in_at)
                for a in service.list()] == file_rows
        clock.advance(seconds=1)
        assert service.sign_in("budi", PASSWORD).must_change  # the hash works on the server
    finally:
        ws.close()
        close_database()


def test_the_server_keeps_one_account_per_name_and_stores_flags_as_booleans(pg_empty_url):
    """The service stores user names lower-cased, so the plain UNIQUE of both engines is enough."""
    db = open_database_url(pg_empty_url)
    try:
        db.execute_sql("INSERT INTO staff (name, lane, position, created_at, version) VALUES "
                       "('A', 'tim', '', now(), 1), ('B', 'tim', '', now(), 1)")
        ids = [r[0] for r in db.execute_sql("SELECT id FROM staff ORDER BY id")]
        db.execute_sql("INSERT INTO account (staff_id, username, created_at) VALUES (%s, 'ani', now())", (ids[0],))
        with pytest.raises(IntegrityError), db.atomic():
            db.execute_sql("INSERT INTO account (staff_id, username, created_at) VALUES (%s, 'ani', now())", (ids[1],))
        row = db.execute_sql("SELECT must_change, is_admin, active, failed_count, version FROM account").fetchone()
        assert row == (False, False, True, 0, 1)  # BOOLEANs on the server
    finally:
        close_database()
