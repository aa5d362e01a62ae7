"""Server mode: each person signs in with their own PostgreSQL login, which is their account.

On a throw-away server of this module's own whose ``pg_hba.conf`` asks every login but the
superuser for its password (``scram-sha-256``), as an office's server does: the application's
sign-in (``sign_in_to_server``), the administrators' work through init-server's functions, and
what a person's own login can and cannot do with plain SQL (``psql``'s equivalent: psycopg
connected as that role)."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import psycopg
import pytest
from pg_scram import ADMIN_PASSWORD, GROUP, NEW_PASSWORD, ONE_TIME, OWNER, Office, add_person, prepare_office, unique
from pg_scram import scram_server as scram_password_server

from wawaran_desktop.db.connection import close_database
from wawaran_desktop.services.accounts import INACTIVE, WRONG, WRONG_OLD, NotAllowed, SignInRefused
from wawaran_desktop.services.errors import ConflictError, RuleError, ValidationError
from wawaran_desktop.services.history import HistoryService


@pytest.fixture
def office(scram_server, tmp_path) -> Office:
    office = prepare_office(scram_server, tmp_path / "data", unique("rina"))
    yield office
    close_database()
    scram_server.drop_database(office.database)


@pytest.fixture(scope="module")
def scram_server():
    """A server of this module's own that checks every person's password."""
    with scram_password_server() as server:
        yield server


def test_the_administrator_signs_in_as_their_own_login_without_a_password_anywhere(office):
    ws, account = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        assert (account.username, account.name, account.lane, account.is_admin) == \
            (office.admin, "Rina Wulandari", "subkor", True)
        assert not account.must_change and account.has_password and account.last_sign_in_at is not None
        assert ws.accounts.current() == account
        assert ws.database_url == f"postgresql://{office.admin}@{office.address()[len('postgresql://'):]}"
        assert ADMIN_PASSWORD not in ws.database_url
        created = [e for e in ws_audit(ws) if e[0] == "account.create"]
        assert created == [("account.create", account.id)]  # init-server's, audited as the account
    finally:
        ws.close()
    with psycopg.connect(office.url) as conn:
        hashes, verifier = conn.execute(
            "SELECT (SELECT COUNT(password_hash) FROM account), rolpassword FROM pg_authid WHERE rolname = %s",
            (office.admin,)).fetchone()
    assert hashes == 0 and verifier.startswith("SCRAM-SHA-256$")  # no hash kept; the server holds the verifier


def ws_audit(ws) -> list[tuple[str, int | None]]:
    from wawaran_desktop.db.models import AuditEntry

    return [(e.action, e.account_id) for e in AuditEntry.select().order_by(AuditEntry.id)]


def test_an_admin_makes_a_persons_login_who_then_changes_the_one_time_password(office):
    username = add_person(office)
    ws, budi = office.sign_in(username, ONE_TIME)
    try:
        assert budi.username == username and budi.name == "Budi Santoso" and budi.must_change
        assert ws.accounts.current().id == budi.id
        with pytest.raises(SignInRefused) as wrong_old:
            ws.accounts.change_password(username, "bukan-yang-lama", NEW_PASSWORD)
        assert (str(wrong_old.value), wrong_old.value.reason) == (WRONG_OLD, "wrong")
        time.sleep(wrong_old.value.wait_seconds)  # this PC's slow-down after a failure
        changed = ws.accounts.change_password(username, ONE_TIME, NEW_PASSWORD)
        assert not changed.must_change and changed.version == budi.version + 1
        assert ws.staff.list()  # the open connection goes on
        assert ("account.password_change", budi.id) in ws_audit(ws)
        assert HistoryService(ws).verify().whole
    finally:
        ws.close()
    with pytest.raises(SignInRefused):
        office.sign_in(username, ONE_TIME)  # the one-time password is gone
    time.sleep(1)
    ws, again = office.sign_in(username, NEW_PASSWORD)
    ws.close()
    assert not again.must_change


def test_a_wrong_password_and_an_unknown_login_get_the_same_words_and_a_wait(office):
    with pytest.raises(SignInRefused) as wrong:
        office.sign_in(office.admin, "bukan-kata-sandinya")
    with pytest.raises(SignInRefused) as unknown:
        office.sign_in(unique("siapa"), "bukan-kata-sandinya")
    assert str(wrong.value) == str(unknown.value) == WRONG
    assert wrong.value.reason == unknown.value.reason == "wrong" and wrong.value.wait_seconds == 1
    with pytest.raises(SignInRefused) as hurried:
        office.sign_in(office.admin, ADMIN_PASSWORD)  # even the right one waits its second
    assert hurried.value.reason == "wait"
    time.sleep(1.05)
    ws, account = office.sign_in(office.admin, ADMIN_PASSWORD)
    ws.close()
    assert account.username == office.admin


def test_a_persons_login_with_psql_cannot_read_hashes_change_accounts_history_or_roles(office):
    username = add_person(office)
    ws, _budi = office.sign_in(username, ONE_TIME)  # some history to protect
    ws.close()
    refused = [
        "SELECT password_hash FROM account",
        "SELECT * FROM account",
        f"UPDATE account SET is_admin = true WHERE username = '{username}'",
        f"UPDATE account SET must_change = false WHERE username = '{username}'",
        "INSERT INTO account (staff_id, username, is_admin, created_at) VALUES (1, 'penyusup', true, now())",
        "DELETE FROM account",
        "UPDATE step_event SET reason = 'x'", "DELETE FROM step_event",
        "UPDATE audit_entry SET detail = 'x'", "DELETE FROM audit_entry",
        "UPDATE history_link SET digest = 'x'", "DELETE FROM history_link",
        "UPDATE history_anchor SET digest = 'x'", "DELETE FROM history_anchor",
        "UPDATE lane_override SET reason = 'x'", "DELETE FROM lane_override",
        f"SET ROLE {OWNER}",
        f"SET ROLE {office.admin}",  # another person's login
        "CREATE ROLE penyusup LOGIN",
        f"ALTER ROLE {username} CREATEROLE",
        f"ALTER ROLE {office.admin} PASSWORD 'diambil-alih-123'",
        f"GRANT {OWNER} TO {username}",
        f"SELECT wawaran_account_login('{username}', 'x', true)",  # the functions' helpers are not for people
        "CREATE FUNCTION wawaran_account_admin() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    ]
    with office.psql(username, ONE_TIME) as conn:
        before = conn.execute("SELECT id, username, is_admin, must_change, active, version FROM account "
                              "ORDER BY id").fetchall()
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0] >= 1  # readable, not writable
        mine, admins = (next(r[0] for r in before if r[1] == name) for name in (username, office.admin))
        not_admin = [f"SELECT wawaran_account_set_admin({mine}, true, NULL)",
                     f"SELECT wawaran_account_set_active({admins}, false, NULL)",
                     f"SELECT wawaran_account_set_password({admins}, 'SCRAM-SHA-256$4096:YQ==$YQ==:YQ==', NULL)",
                     f"SELECT wawaran_account_unlock({admins}, NULL)",
                     f"SELECT wawaran_account_create({mine}, 'penyusup', NULL, true)"]
        conn.execute(f"SET ROLE {GROUP}")  # PostgreSQL 15 lets a member be its group: it gains nothing
        assert conn.execute("SELECT session_user::text").fetchone()[0] == username
        for statement in not_admin:
            with pytest.raises(psycopg.DatabaseError) as refusal:
                conn.execute(statement)
            assert refusal.value.diag.sqlstate == "WA401"
            assert "Hanya administrator" in refusal.value.diag.message_primary
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT password_hash FROM account")
        conn.execute("RESET ROLE")
        after = conn.execute("SELECT id, username, is_admin, must_change, active, version FROM account "
                             "ORDER BY id").fetchall()
    assert after == before
    with psycopg.connect(office.url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM pg_roles WHERE rolname = 'penyusup'").fetchone()[0] == 0
        assert conn.execute("SELECT rolcanlogin, rolcreaterole FROM pg_roles WHERE rolname = %s",
                            (username,)).fetchone() == (True, False)


def test_without_a_login_the_servers_address_gives_nothing(office):
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        office.psql(unique("tamu"), "apa-saja-boleh").close()
    with pytest.raises(psycopg.OperationalError, match="password"):
        parts = urlsplit(office.url)
        psycopg.connect(host=parts.hostname, port=parts.port, dbname=parts.path[1:], user=GROUP,
                        password="x").close()  # the group itself: no login


def test_deactivation_stops_the_persons_connections_and_reactivation_restores_them(office):
    username = add_person(office)
    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        budi = next(a for a in ws.accounts.list() if a.username == username)
        off = ws.accounts.set_active(admin.staff_id, budi.id, False, budi.version)
        assert not off.active and ("account.deactivate", admin.id) in ws_audit(ws)
    finally:
        ws.close()
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        office.psql(username, ONE_TIME).close()
    with pytest.raises(SignInRefused) as refused:
        office.sign_in(username, ONE_TIME)
    assert (str(refused.value), refused.value.reason) == (INACTIVE, "inactive")
    with pytest.raises(SignInRefused) as wrong:
        office.sign_in(username, "tebakan-yang-salah")  # a wrong password does not learn that it is inactive
    assert str(wrong.value) == WRONG
    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        ws.accounts.set_active(admin.staff_id, budi.id, True, off.version)
    finally:
        ws.close()
    office.psql(username, ONE_TIME).close()


def test_an_admin_resets_a_forgotten_password_and_the_last_admin_stays(office):
    username = add_person(office, "Dewi Lestari")
    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        dewi = next(a for a in ws.accounts.list() if a.username == username)
        with pytest.raises(RuleError, match="sedikitnya satu administrator aktif"):
            ws.accounts.set_admin(admin.staff_id, admin.id, False, admin.version)
        with pytest.raises(RuleError, match="sedikitnya satu administrator aktif"):
            ws.accounts.set_active(admin.staff_id, admin.id, False, admin.version)
        with pytest.raises(ConflictError):
            ws.accounts.set_admin(admin.staff_id, dewi.id, True, dewi.version - 1)  # an older version
        with pytest.raises(NotAllowed, match="bertindak sebagai"):
            ws.accounts.unlock(dewi.staff_id, dewi.id, dewi.version)  # acting as someone else
        reset = ws.accounts.set_one_time_password(admin.staff_id, dewi.id, "lupa-sandi-4567", dewi.version)
        assert reset.must_change and ("account.password_reset", admin.id) in ws_audit(ws)
        with pytest.raises(ValidationError, match="bukan login petugas"):  # never the roles that run the server
            ws.accounts.create(admin.staff_id, ws.staff.add("Penyusup", None, "", "tim", actor_id=admin.staff_id).id, OWNER)
    finally:
        ws.close()
    with psycopg.connect(office.url) as conn:
        assert conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (OWNER,)).fetchone() == (False,)
    with pytest.raises(SignInRefused):
        office.sign_in(username, ONE_TIME)
    time.sleep(1)
    with office.psql(office.admin, ADMIN_PASSWORD) as conn:  # the server checks it too, not only the app
        with pytest.raises(psycopg.DatabaseError) as last:
            conn.execute("SELECT wawaran_account_set_admin(id, false, NULL) FROM account WHERE username = %s",
                         (office.admin,))
        assert last.value.diag.sqlstate == "WA409"
    ws, dewi = office.sign_in(username, "lupa-sandi-4567")
    try:
        assert dewi.must_change
        with pytest.raises(NotAllowed):
            ws.accounts.set_admin(dewi.staff_id, dewi.id, True, dewi.version)  # not an administrator
    finally:
        ws.close()


def test_a_login_without_an_account_and_a_server_that_trusts_anyone_are_refused(office):
    loner = unique("loner")
    with psycopg.connect(office.url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {loner} LOGIN PASSWORD 'sendirian-saja-1' IN ROLE {GROUP}")
    with pytest.raises(SignInRefused) as no_account:
        office.sign_in(loner, "sendirian-saja-1")
    assert no_account.value.reason == "no_account" and "tidak mempunyai akun" in str(no_account.value)
    with pytest.raises(SignInRefused) as trusted:
        office.sign_in("postgres", "apa-saja-diterima")  # pg_hba.conf: trust for this one
    assert trusted.value.reason == "unchecked" and "trust" in str(trusted.value)


def test_the_demo_on_the_server_is_the_server_administrators_and_makes_no_training_logins(office, monkeypatch, capsys):
    """The examples record other people's work: a person's own login (even an administrator's)
    may record only their own, so on the server the demo is run by the server's administrator
    (the role that ran init-server); an account is a login: no public training password there."""
    from wawaran_desktop import cli
    from wawaran_desktop.app import build_parser
    from wawaran_desktop.db.server_accounts import person_url

    monkeypatch.setenv("WAWARAN_DB_PASSWORD", ADMIN_PASSWORD)
    pc = office.data_dir.parent / "pc"
    url = person_url(office.address(), office.admin)

    def demo(where: str, *extra: str) -> int:
        return cli.run(build_parser().parse_args(["--data-dir", str(pc), "--database", where, "demo",
                                                  "--campaigns", "3", *extra]))

    assert demo(url, "--force") == 2
    assert "administrator server" in capsys.readouterr().err
    assert demo(office.url) == 2
    assert "bukan data contoh" in capsys.readouterr().err  # the office's own administrator is real data
    assert demo(office.url, "--force") == 0
    out = capsys.readouterr()
    assert "3 kampanye contoh ditambahkan" in out.out and "Akun latihan tidak dibuat di server kantor" in out.out
    assert "kata sandi latihan" not in out.err
    assert cli.run(build_parser().parse_args(["--data-dir", str(pc), "--database", url, "verify-history"])) == 0
    assert "Riwayat utuh" in capsys.readouterr().out
    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        assert [a.username for a in ws.accounts.list()] == [office.admin]
        assert ws.campaigns.count() == 3
    finally:
        ws.close()


def test_an_administrators_reason_outside_the_lane_is_recorded_on_the_server(office):
    """The lane rules read accounts by named columns: a person's login may not read the hash."""
    from wawaran_desktop.db.models import LaneOverride
    from wawaran_desktop.services.lanes import OutsideLane

    ws, admin = office.sign_in(office.admin, ADMIN_PASSWORD)
    try:
        cid = ws.campaigns.create(admin.staff_id, "Wawaran Di Server").id  # a Sub Kor opens campaigns
        with pytest.raises(OutsideLane) as refused:
            ws.steps.start(admin.staff_id, cid, 4, reason="Data sudah ada")  # the Tim's step
        assert refused.value.overridable
        ws.lanes.override(admin.staff_id, cid, 4, "Tim sedang dinas luar")
        ws.steps.start(admin.staff_id, cid, 4, reason="Data sudah ada")
        assert [(o.step_no, o.reason, o.account_id) for o in LaneOverride.select()] == \
            [(4, "Tim sedang dinas luar", admin.id)]
    finally:
        ws.close()
