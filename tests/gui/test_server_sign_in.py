"""The window on the office server: each person is their own PostgreSQL login (issue 13).

A throw-away server that checks every login's password (tests/pg_scram.py), a database
prepared by ``init-server --login``: the window opens as the login it connected with — its
account, no second sign-in —, *Ganti Pengguna* connects anew as another person (the server
checks their password), and a refused password leaves the previous person's window."""

from __future__ import annotations

import pytest
from pg_scram import ADMIN_PASSWORD, NEW_PASSWORD, ONE_TIME, add_person, prepare_office, unique
from pg_scram import scram_server as scram_password_server
from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop.db.connection import close_database
from wawaran_desktop.db.server_accounts import person_url
from wawaran_desktop.views.sign_in_dialog import SignInDialog


@pytest.fixture(scope="module")
def scram_server():
    with scram_password_server() as server:
        yield server


@pytest.fixture
def office(scram_server, tmp_path):
    office = prepare_office(scram_server, tmp_path / "data", unique("rina"))
    yield office
    close_database()
    scram_server.drop_database(office.database)


def open_window(office, username: str, password: str, monkeypatch):
    """The application's start-up (app._start_window) for a PC whose URL names the person."""
    from wawaran_desktop import app

    monkeypatch.setenv("WAWARAN_DB_PASSWORD", password)  # what the password dialog would take
    args = app.build_parser().parse_args(["--data-dir", str(office.data_dir), "--database",
                                          person_url(office.address(), username)])
    QApplication.instance().setQuitOnLastWindowClosed(False)
    started = app._start_window(args)
    assert started is not None
    session, lock = started
    return session, lock


def close(session, lock) -> None:
    """Close the window and its connection before the database goes (the switched-from windows
    too: deleted now, so their change listeners stop)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    session.window.flush = lambda: True
    session.window.close()
    session.window.ws.close()
    lock.unlock()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def budi_with_password(office) -> str:
    username = add_person(office)
    ws, _budi = office.sign_in(username, ONE_TIME)
    try:
        ws.accounts.change_password(username, ONE_TIME, NEW_PASSWORD)
    finally:
        ws.close()
    return username


def test_the_window_acts_as_the_login_and_ganti_pengguna_connects_as_another(qtbot, modals, office, monkeypatch):
    budi = budi_with_password(office)
    session, lock = open_window(office, budi, NEW_PASSWORD, monkeypatch)
    try:
        window = session.window
        assert window.session.account.username == budi
        assert window.ui.accountLabel.text() == "Budi Santoso (Tim)"
        assert window.ws.database_url == person_url(office.address(), budi)

        def as_admin(dialog):
            assert isinstance(dialog, SignInDialog)
            dialog.ui.usernameEdit.setText(office.admin)
            dialog.ui.passwordEdit.setText(ADMIN_PASSWORD)
            dialog.ui.okButton.click()

        modals.then(as_admin)
        window.ui.actionSwitchUser.trigger()
        assert not modals.errors
        qtbot.waitUntil(lambda: session.window is not window and session.window.isVisible())
        switched = session.window
        assert switched.session.account.username == office.admin
        assert switched.ui.accountLabel.text() == "Rina Wulandari (Sub Kor DIMC, administrator)"
        assert switched.ws.accounts.current().username == office.admin  # the connection is the admin's login
    finally:
        close(session, lock)


def test_a_wrong_password_on_ganti_pengguna_keeps_the_previous_person(qtbot, modals, office, monkeypatch):
    """Only the typed password counts: the server is asked with it alone (not an environment,
    stored or pgpass one), and a refusal leaves the present person's window as it was."""
    budi = budi_with_password(office)
    session, lock = open_window(office, budi, NEW_PASSWORD, monkeypatch)
    monkeypatch.setenv("WAWARAN_DB_PASSWORD", ADMIN_PASSWORD)  # a password at hand that is not the typed one
    try:
        window = session.window
        told = []

        def wrong(dialog):
            dialog.ui.usernameEdit.setText(office.admin)
            dialog.ui.passwordEdit.setText("bukan-sandinya-123")
            dialog.ui.okButton.click()

        def warned(box):
            assert isinstance(box, QMessageBox)
            told.append(box.text())
            box.accept()

        modals.then(wrong).then(warned)
        window.ui.actionSwitchUser.trigger()
        assert not modals.errors
        assert told == ["Nama pengguna atau kata sandi salah."]
        assert session.window is window and window.isVisible()  # not reopened: the same window, as Budi
        assert window.session.account.username == budi
        assert window.ws.accounts.current().username == budi
    finally:
        close(session, lock)


def test_the_lock_on_the_server_opens_only_with_a_password(qtbot, modals, office, monkeypatch):
    """The lock's Ganti Pengguna on the server: cancelled, it is the lock again (never the
    window as the locked person)."""
    budi = budi_with_password(office)
    session, lock = open_window(office, budi, NEW_PASSWORD, monkeypatch)
    try:
        window = session.window
        seen = []

        def switch(dialog):
            seen.append(("lock", window.centralWidget().isVisible()))
            dialog.ui.switchButton.click()

        def cancel(dialog):
            seen.append((dialog.ui.headingLabel.text(), window.centralWidget().isVisible()))
            dialog.ui.cancelButton.click()

        def own_password(dialog):
            seen.append((dialog.ui.headingLabel.text(), window.centralWidget().isVisible()))
            dialog.ui.passwordEdit.setText(NEW_PASSWORD)
            dialog.ui.okButton.click()

        modals.then(switch).then(cancel).then(own_password)
        window.ui.actionLock.trigger()
        assert not modals.errors
        assert seen == [("lock", False), ("Ganti Pengguna", False), ("Layar terkunci", False)]
        assert window.centralWidget().isVisible() and window.session.account.username == budi
    finally:
        close(session, lock)


def test_a_login_without_an_account_gets_no_window(office, monkeypatch, tmp_path):
    import psycopg

    with psycopg.connect(office.url, autocommit=True) as conn:
        conn.execute("CREATE ROLE tamu LOGIN PASSWORD 'tamu-tanpa-akun-1' IN ROLE wawaran_app")
    try:
        from wawaran_desktop import cli
        from wawaran_desktop.app import build_parser

        monkeypatch.setenv("WAWARAN_DB_PASSWORD", "tamu-tanpa-akun-1")
        args = build_parser().parse_args(["--data-dir", str(tmp_path / "pc"), "--database",
                                          person_url(office.address(), "tamu"), "list"])
        assert cli.run(args) == 2
    finally:
        with psycopg.connect(office.url, autocommit=True) as conn:
            conn.execute("DROP ROLE tamu")
