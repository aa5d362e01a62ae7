"""``init-server``: an empty PostgreSQL database prepared with an owner role nobody signs in with,
a group role with the application's rights, and logins in that group — on the real throw-away
server (tests/pg_server.py), as an administrator would run it."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from wawaran_desktop import cli
from wawaran_desktop.app import build_parser
from wawaran_desktop.db import server_setup
from wawaran_desktop.db.connection import DatabaseOutdated, close_database, connect_postgres, open_database_url
from wawaran_desktop.db.migrations import LATEST_VERSION
from wawaran_desktop.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
OWNER, GROUP = server_setup.DEFAULT_OWNER, server_setup.DEFAULT_GROUP


def as_user(url: str, user: str) -> str:
    """``url`` signed in as ``user`` (the test server trusts every local login)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{user}@{parts.hostname}:{parts.port}"))


def new_login() -> str:
    return f"petugas_{uuid.uuid4().hex[:10]}"


def init_server(url: str, *extra: str) -> int:
    return cli.run(build_parser().parse_args(["--database", url, "init-server", *extra]))


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("WAWARAN_PASSWORD", "rahasia kantor")


def test_an_empty_database_gets_an_owner_nobody_signs_in_with_and_a_group(pg_url, password, capsys):
    login = new_login()
    assert init_server(pg_url, "--login", login) == 0
    out = capsys.readouterr().out
    assert f"skema {LATEST_VERSION}" in out and f"Login {login}: anggota {GROUP} — dibuat" in out
    with psycopg.connect(pg_url) as conn:
        roles = dict(conn.execute("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(%s)",
                                  ([OWNER, GROUP, login],)).fetchall())
        assert roles == {OWNER: False, GROUP: False, login: True}
        owners = {r[0] for r in conn.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")}
        assert owners == {OWNER}
        sequence_owners = {r[0] for r in conn.execute(
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relkind = 'S'")}
        assert sequence_owners == {OWNER}
        assert conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (login, GROUP)).fetchone()[0]
        assert not conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (login, OWNER)).fetchone()[0]
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (login,)).fetchone()[0]
        assert stored.startswith("SCRAM-SHA-256$") and "rahasia" not in stored  # only the verifier reached it
        rights = {(t, p) for t, p in conn.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = %s",
            (GROUP,))}
    assert {p for t, p in rights if t == "step_event"} == {p for t, p in rights if t == "audit_entry"} \
        == {"SELECT", "INSERT"}
    assert {p for t, p in rights if t == "data_item"} == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    # their deletion would cascade into history (as the tables' owner): no DELETE
    assert {p for t, p in rights if t == "campaign"} == {p for t, p in rights if t == "step"} \
        == {"SELECT", "INSERT", "UPDATE"}
    # accounts change only through init-server's functions: no right on the table as a whole
    assert {p for t, p in rights if t == "account"} == set()
    assert {p for t, p in rights if t == "narration_version"} == {"SELECT", "INSERT"}
    with psycopg.connect(pg_url) as conn:
        columns = {(c, p) for c, p in conn.execute(
            "SELECT column_name, privilege_type FROM information_schema.column_privileges "
            "WHERE grantee = %s AND table_name = 'narration_version' AND privilege_type = 'UPDATE'", (GROUP,))}
    assert columns == {("is_final", "UPDATE")}  # marking the final version, nothing else
    with psycopg.connect(pg_url) as conn:
        account = {(c, p) for c, p in conn.execute(
            "SELECT column_name, privilege_type FROM information_schema.column_privileges "
            "WHERE grantee = %s AND table_name = 'account'", (GROUP,))}
        every = {r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'account'")}
        executable = {r[0] for r in conn.execute(
            "SELECT p.proname FROM pg_proc p WHERE p.proname LIKE 'wawaran_account_%%' "
            "AND has_function_privilege(%s, p.oid, 'EXECUTE')", (GROUP,))}
        owner_attributes = conn.execute("SELECT rolcreaterole, rolcanlogin, rolsuper FROM pg_roles "
                                        "WHERE rolname = %s", (OWNER,)).fetchone()
    assert account == {(c, "SELECT") for c in every - {"password_hash"}} and "password_hash" in every
    assert executable == {f"wawaran_account_{n}" for n in (
        "create", "set_password", "change_own_password", "set_active", "set_admin", "unlock", "signed_in")}
    assert owner_attributes == (True, False, False)  # makes people's logins; nobody signs in as it
    assert {p for t, p in rights if t == "schema_version"} == {"SELECT"}
    assert not any(p in ("TRUNCATE", "REFERENCES", "TRIGGER") for _t, p in rights)


def test_a_login_of_the_group_works_but_cannot_change_the_schema_nor_history(pg_url, password, data_dir, clock):
    login = new_login()
    assert init_server(pg_url, "--login", login) == 0
    url = as_user(pg_url, login)
    ws = open_workspace(data_dir, clock=clock.now, database_url=url)  # the application, as that person
    try:
        me = ws.accounts.current()  # the login is its account: init-server made it administrator
        assert (me.username, me.is_admin, me.has_password, me.must_change) == (login, True, True, False)
        person = ws.staff.add("Rina Wulandari", "19850312 201001 2 004", "Analis Diseminasi", "subkor",
                              actor_id=me.staff_id)
        campaign = ws.campaigns.create(me.staff_id, "Wawaran Bazar Pangan Murah")  # in its own name
        ws.steps.start(me.staff_id, campaign.id, 1)
        assert [c.id for c in ws.campaigns.list()] == [campaign.id]
        ws.accounts.create(me.staff_id, person.id, "rina", one_time_password="kunci-kantor-2026")
        assert ws.accounts.for_staff(person.id).must_change  # written through the server's functions
    finally:
        ws.close()
    refused = [
        "DROP TABLE campaign",
        "ALTER TABLE campaign ADD COLUMN note TEXT",
        "TRUNCATE step_event",
        "UPDATE step_event SET reason = 'diubah'",
        "DELETE FROM step_event",
        "UPDATE audit_entry SET detail = 'diubah'",
        "DELETE FROM audit_entry",
        "UPDATE schema_version SET version = 1",
        "DELETE FROM account",
        "UPDATE account SET is_admin = true",
        "SELECT password_hash FROM account",
        "CREATE TABLE catatan (id INTEGER)",
        "SET ROLE wawaran_owner",
    ]
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("SELECT COUNT(*) FROM step_event").fetchone()[0] == 1  # history intact
        conn.execute("UPDATE campaign SET theme = 'Pangan' WHERE id = %s", (campaign.id,))  # edits still work


def test_a_login_cannot_erase_history_through_a_campaigns_or_a_steps_cascade(pg_url, password, data_dir, clock):
    """PostgreSQL runs ON DELETE CASCADE as the tables' owner: a login allowed to delete a step or
    a campaign would remove its step_event and audit_entry rows, which it may not delete itself."""
    login = new_login()
    assert init_server(pg_url, "--login", login) == 0
    url = as_user(pg_url, login)
    ws = open_workspace(data_dir, clock=clock.now, database_url=url)
    try:
        me = ws.accounts.current().staff_id  # (the guards: a login acts in its own name only)
        campaign = ws.campaigns.create(me, "Wawaran Bazar Pangan Murah")
        ws.steps.start(me, campaign.id, 1)
    finally:
        ws.close()
    history = "SELECT (SELECT COUNT(*) FROM step_event), (SELECT COUNT(*) FROM audit_entry)"
    with psycopg.connect(url, autocommit=True) as conn:
        before = conn.execute(history).fetchone()
        assert all(before)
        for statement in ("DELETE FROM step", "DELETE FROM campaign",
                          "UPDATE narration_version SET text = 'diubah'", "DELETE FROM narration_version"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute(history).fetchone() == before
        assert conn.execute("SELECT COUNT(*) FROM campaign").fetchone()[0] == 1
        conn.execute("UPDATE narration_version SET is_final = false")  # marking the final one still works


def test_a_login_cannot_change_nor_remove_the_history_chain(pg_url, password, data_dir, clock):
    """Schema 6's chain (history_link, history_anchor) and who acted as they were then (step_event's
    and audit_entry's actor_name, actor_lane, account_id): a login of the group adds to them through
    the application, and cannot update, delete, empty or renumber them with psql."""
    from wawaran_desktop.services.history import HistoryService

    login = new_login()
    assert init_server(pg_url, "--login", login) == 0
    url = as_user(pg_url, login)
    ws = open_workspace(data_dir, clock=clock.now, database_url=url)
    try:
        me = ws.accounts.current().staff_id  # (the guards: a login acts in its own name only)
        campaign = ws.campaigns.create(me, "Wawaran Bazar Pangan Murah")
        ws.steps.start(me, campaign.id, 1)
        head = HistoryService(ws).anchor("laporan", campaign.id)  # the login may anchor the head
        assert head.entries >= 2 and HistoryService(ws).verify().whole
    finally:
        ws.close()
    with psycopg.connect(pg_url) as conn:
        rights = {(t, p) for t, p in conn.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = %s "
            "AND table_name IN ('history_link', 'history_anchor')", (GROUP,))}
        columns = conn.execute(
            "SELECT table_name, column_name, privilege_type FROM information_schema.column_privileges "
            "WHERE grantee = %s AND table_name IN ('step_event', 'audit_entry', 'history_link', 'history_anchor') "
            "AND privilege_type IN ('UPDATE', 'DELETE')", (GROUP,)).fetchall()
    assert rights == {(t, p) for t in ("history_link", "history_anchor") for p in ("SELECT", "INSERT")}
    assert columns == []  # no column of them may be updated either
    refused = [
        "UPDATE history_link SET digest = repeat('0', 64)",
        "UPDATE history_link SET position = position + 1000",
        "DELETE FROM history_link",
        "DELETE FROM history_link WHERE position = (SELECT MAX(position) FROM history_link)",
        "TRUNCATE history_link",
        "UPDATE history_anchor SET entries = 1",
        "UPDATE history_anchor SET digest = repeat('0', 64)",
        "DELETE FROM history_anchor",
        "TRUNCATE history_anchor",
        "SELECT setval(pg_get_serial_sequence('history_anchor', 'id'), 1000)",
        "UPDATE step_event SET actor_name = 'Orang Lain'",
        "UPDATE step_event SET actor_lane = 'kabid'",
        "UPDATE step_event SET account_id = 1",
        "UPDATE audit_entry SET actor_name = 'Orang Lain'",
        "UPDATE audit_entry SET actor_lane = 'kabid'",
        "UPDATE audit_entry SET account_id = 1",
    ]
    chain = ("SELECT (SELECT COUNT(*) FROM history_link), (SELECT string_agg(digest, ',' ORDER BY position) "
             "FROM history_link), (SELECT COUNT(*) FROM history_anchor), "
             "(SELECT string_agg(actor_name || actor_lane || COALESCE(account_id, 0), ',') FROM step_event), "
             "(SELECT string_agg(actor_name || actor_lane || COALESCE(account_id, 0), ',') FROM audit_entry)")
    with psycopg.connect(url, autocommit=True) as conn:
        before = conn.execute(chain).fetchone()
        assert before[0] == head.entries and before[2] >= 1 and login in before[3]
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute(chain).fetchone() == before
    ws = open_workspace(data_dir, clock=clock.now, database_url=url)
    try:
        assert HistoryService(ws).verify().whole  # and the chain is still whole
    finally:
        ws.close()


def test_run_again_it_changes_nothing_and_adds_a_login(pg_url, password, capsys):
    first, second = new_login(), new_login()
    assert init_server(pg_url, "--login", first) == 0
    capsys.readouterr()
    assert init_server(pg_url, "--login", first) == 0
    assert "sudah ada; kata sandinya tidak diubah" in capsys.readouterr().out
    assert init_server(pg_url, "--login", second) == 0
    out = capsys.readouterr().out
    assert f"sudah pada skema {LATEST_VERSION}" in out and f"Login {second}: anggota {GROUP} — dibuat" in out
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(LATEST_VERSION,)]
        assert all(conn.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", (who, GROUP)).fetchone()[0]
                   for who in (first, second))
        accounts = conn.execute("SELECT username, is_admin, password_hash FROM account ORDER BY id").fetchall()
        assert accounts == [(first, True, None), (second, True, None)]  # one account each, no hash


def test_a_database_holding_other_tables_is_refused_untouched(pg_url, capsys):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE pegawai (id INTEGER PRIMARY KEY, nama TEXT)")
    assert init_server(pg_url) == 2
    err = capsys.readouterr().err
    assert err.startswith("galat: Basis data") and "tidak kosong" in err and "pegawai" in err
    with psycopg.connect(pg_url) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    assert tables == ["pegawai"]


def test_a_database_the_application_filled_without_init_server_is_refused(pg_url, data_dir, clock, capsys):
    ws = open_workspace(data_dir, clock=clock.now, database_url=pg_url)  # as the superuser: it owns the tables
    ws.staff.add("Rina Wulandari", None, "Analis", "subkor")
    ws.close()
    assert init_server(pg_url) == 2
    err = capsys.readouterr().err
    assert "tidak kosong" in err and "tidak disiapkan oleh init-server" in err and "migrate-to" in err


def test_an_older_schema_is_refused_to_a_login_and_upgraded_by_init_server(pg_url, password, capsys):
    login = new_login()
    db, where = connect_postgres(pg_url)
    try:
        server_setup.prepare_server(db, where, login=login, password=lambda: "rahasia", up_to=LATEST_VERSION - 1)
    finally:
        db.close()
    with pytest.raises(DatabaseOutdated) as refused:
        open_database_url(as_user(pg_url, login))
    message = str(refused.value)
    assert f"versi {LATEST_VERSION - 1}, aplikasi versi {LATEST_VERSION}" in message and "init-server" in message
    with psycopg.connect(pg_url) as conn:  # the refusal changed nothing
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == LATEST_VERSION - 1
    assert init_server(pg_url) == 0
    assert f"diperbarui dari versi {LATEST_VERSION - 1} ke {LATEST_VERSION}" in capsys.readouterr().out
    open_database_url(as_user(pg_url, login))  # now it opens
    close_database()
    with psycopg.connect(pg_url) as conn:
        owners = {r[0] for r in conn.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")}
    assert owners == {OWNER}  # tables the upgrade made belong to the owner role too


@pytest.mark.parametrize("args, words", [
    (["--owner-role", "Pemilik; DROP TABLE x"], "Nama peran pemilik"),
    (["--group-role", "pg_app"], "tidak boleh diawali 'pg_'"),
    (["--owner-role", "sama", "--group-role", "sama"], "harus bernama berbeda"),
])
def test_role_names_are_checked_before_anything_is_done(pg_url, capsys, args, words):
    assert init_server(pg_url, *args) == 2
    assert words in capsys.readouterr().err
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0


def test_as_a_user_runs_it_a_new_login_without_a_password_and_no_url_are_explained(pg_url, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "WAWARAN_PASSWORD"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), *args],
                              capture_output=True, text=True, timeout=120, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                              check=False)

    no_password = run("--database", pg_url, "init-server", "--login", new_login())
    assert no_password.returncode == 2 and "Traceback" not in no_password.stderr
    assert "WAWARAN_PASSWORD" in no_password.stderr
    with psycopg.connect(pg_url) as conn:  # refused as a whole: no table, no half-made setup
        assert conn.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
    no_url = run("init-server")
    assert no_url.returncode == 2 and no_url.stderr.startswith("galat: init-server memerlukan --database")
    done = run("--database", pg_url, "init-server")
    assert done.returncode == 0 and "disiapkan" in done.stdout


def test_the_first_administrator_is_tied_to_a_staff_entry_and_given_back_on_a_rerun(pg_url, password, capsys,
                                                                                    data_dir, clock):
    """``--login`` makes the login's account as administrator, tied to the staff entry named by
    ``--admin-name`` (an existing one without an account, letter case aside); run again for a login
    whose account lost its rights, it gives them back — audited and chained as every account change."""
    from wawaran_desktop.services.history import HistoryService

    assert init_server(pg_url) == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        rina = conn.execute("INSERT INTO staff (name, lane, position, rank, active, created_at, version) VALUES "
                            "('Rina Wulandari', 'subkor', 'Sub Koordinator', '', true, now(), 1) RETURNING id"
                            ).fetchone()[0]
    login = new_login()
    capsys.readouterr()
    assert init_server(pg_url, "--login", login, "--admin-name", "rina  WULANDARI") == 0
    assert f"Akun administrator {login} dibuat untuk Rina Wulandari." in capsys.readouterr().out
    with psycopg.connect(pg_url, autocommit=True) as conn:
        account = conn.execute("SELECT id, staff_id, is_admin, must_change, password_hash FROM account").fetchall()
        assert [row[1:] for row in account] == [(rina, True, False, None)]
        assert conn.execute("SELECT COUNT(*) FROM staff").fetchone()[0] == 1  # no second Rina
        conn.execute("UPDATE account SET is_admin = false, active = false")  # every administrator lost
        conn.execute(f"ALTER ROLE {login} NOLOGIN")
    assert init_server(pg_url, "--login", login) == 0
    assert f"Akun {login} (Rina Wulandari) dipulihkan: administrator, aktif." in capsys.readouterr().out
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT is_admin, active FROM account").fetchone() == (True, True)
        assert conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,)).fetchone() == (True,)
        audit = conn.execute("SELECT action, actor_id, account_id FROM audit_entry ORDER BY id").fetchall()
    assert audit == [("account.create", rina, account[0][0]), ("account.admin_restore", rina, account[0][0])]
    ws = open_workspace(data_dir, clock=clock.now, database_url=pg_url)
    try:
        assert HistoryService(ws).verify().whole
    finally:
        ws.close()


def test_a_new_administrator_without_a_name_becomes_a_staff_entry_of_the_lane_given(pg_url, password, capsys):
    login = new_login()
    assert init_server(pg_url, "--login", login, "--admin-lane", "direktur") == 2
    assert "Peran 'direktur' tidak dikenal" in capsys.readouterr().err
    assert init_server(pg_url, "--admin-name", "Rina") == 2
    assert "--admin-name memerlukan --login" in capsys.readouterr().err
    assert init_server(pg_url, "--login", login, "--admin-lane", "kabid") == 0
    assert f"dibuat untuk {login} (petugas baru)" in capsys.readouterr().out
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT s.name, s.lane, a.is_admin FROM account a JOIN staff s ON s.id = a.staff_id"
                            ).fetchall() == [(login, "kabid", True)]


def test_a_postgresql_administrator_role_is_refused_as_the_first_administrators_login(pg_url, password, capsys):
    mighty = f"pengelola_{uuid.uuid4().hex[:8]}"  # roles belong to the whole server
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {mighty} LOGIN CREATEROLE")
    assert init_server(pg_url, "--login", mighty) == 2
    assert "bukan login petugas" in capsys.readouterr().err
    with psycopg.connect(pg_url) as conn:  # refused as a whole
        assert conn.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
