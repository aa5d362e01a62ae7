"""*Pengaturan → Basis Data* against a real throw-away PostgreSQL server: testing the
connection, switching the open window to the server in-process, remembering the choice in
settings.ini without a password, opening the remembered server at start-up (or this PC's
file when it cannot be reached), and the password dialog with the credential store.

Every database the window opens has accounts, and the window is signed in to it (issue 13): the
application's own start-up shows its sign-in dialog, answered here as a person would
(:func:`sign_in_as`); a window the test builds through ``WindowSession`` signs its person in
through tests/accounts.py (:func:`signed_in_window`)."""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import keyring
import pytest
from accounts import PASSWORD as ACCOUNT_PASSWORD
from accounts import account_for, fast_accounts, signed_in
from crew import member
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring
from pg_password_server import PASSWORD, pg_password_server  # noqa: F401  (fixture)
from pg_server import free_port
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from shiboken6 import isValid

from wawaran_desktop import app, demo
from wawaran_desktop.infra.credentials import SETTINGS_KEY, CredentialStore, ServerAddress
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.database_dialog import DatabaseDialog, WindowSession
from wawaran_desktop.views.main_window import MainWindow
from wawaran_desktop.views.password_dialog import PasswordDialog
from wawaran_desktop.views.sign_in_dialog import SignInDialog

#: The Sub Kor's account on the office server (the demo's people have no accounts of their own).
SERVER_USER = "subkor_kantor"


class FileStore(PlaintextKeyring):
    """keyrings.alt's file backend at a real store's priority: the stand-in for Windows'
    Credential Manager, its file in the test's folder."""

    priority = 5  # type: ignore[assignment]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.file_path = str(folder / "keyring.cfg")


@pytest.fixture(autouse=True)
def keyring_of_the_test(tmp_path):
    """No store by default (as on a headless Linux box); ``use_store()`` gives one."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    folder = tmp_path / "credential-store"
    folder.mkdir()

    def use_store() -> Path:
        keyring.set_keyring(FileStore(folder))
        return folder / "keyring.cfg"

    yield use_store
    keyring.set_keyring(before)


@pytest.fixture
def server_campaigns(pg_url, tmp_path, clock):
    """Three demo campaigns on the server (written from another PC's folder)."""
    ws = open_workspace(tmp_path / "other-pc", clock=clock, database_url=pg_url)
    demo.generate(ws, 3, seed=7)
    # the office's first administrator, a Sub Kor, signs in to the server's database here
    fast_accounts(ws).create_first_admin(member(ws, "subkor").id, SERVER_USER, ACCOUNT_PASSWORD)
    titles = sorted(item.title for item in ws.campaigns.list())
    ws.close()
    return titles


def signed_in_window(workspace) -> MainWindow:
    """``WindowSession``'s window as the application builds it after signing in: here a Sub Kor
    of that database's staff directory, signed in through tests/accounts.py."""
    return MainWindow(workspace, signed_in(workspace, member(workspace, "subkor").id))


def sign_in_as(username: str, seen: list[str] | None = None):
    """A ``modals`` handler: the start-up's sign-in dialog answered as ``username`` would."""
    def handler(dialog):
        assert isinstance(dialog, SignInDialog), type(dialog).__name__
        if seen is not None:
            seen.append(dialog.ui.headingLabel.text())
        dialog.ui.usernameEdit.setText(username)
        dialog.ui.passwordEdit.setText(ACCOUNT_PASSWORD)
        dialog.ui.okButton.click()
    return handler


def dispose(window) -> None:
    """Close a window this test opened, its workspace with it, and delete it now (not when the
    garbage collector happens to find it during a later test)."""
    window.flush = lambda: True
    window.close()
    window.ws.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def fill(dialog: DatabaseDialog, url: str, password: str = "") -> None:
    address = ServerAddress.from_url(url)
    dialog.ui.serverRadio.setChecked(True)
    dialog.ui.hostEdit.setText(address.host)
    dialog.ui.portSpin.setValue(address.port)
    dialog.ui.dbEdit.setText(address.dbname)
    dialog.ui.userEdit.setText(address.user)
    dialog.ui.passwordEdit.setText(password)


def ok_button(dialog: DatabaseDialog):
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def test_testing_the_connection_says_what_is_there(qtbot, data_dir, pg_url, server_campaigns):
    from wawaran_desktop.db.migrations import LATEST_VERSION

    dialog = DatabaseDialog(data_dir, None, CredentialStore())
    qtbot.addWidget(dialog)
    assert dialog.ui.localRadio.isChecked() and ok_button(dialog).isEnabled()
    assert not dialog.ui.saveCheck.isVisibleTo(dialog)  # no store on this PC
    assert "tidak memiliki penyimpan kredensial" in dialog.ui.storeNoteLabel.text()
    fill(dialog, pg_url)
    assert not ok_button(dialog).isEnabled()  # not before a test succeeded
    qtbot.mouseClick(dialog.ui.testButton, qtbot_button())
    qtbot.waitUntil(lambda: "Tersambung" in dialog.ui.resultLabel.text(), timeout=10000)
    text = dialog.ui.resultLabel.text()
    assert text.startswith("Tersambung ke PostgreSQL 1")
    assert f"skema versi {LATEST_VERSION}, 3 kampanye." in text
    assert ok_button(dialog).isEnabled()
    dialog.ui.dbEdit.setText(dialog.ui.dbEdit.text() + "x")  # another database: test again
    assert not ok_button(dialog).isEnabled()

    fill(dialog, pg_url.replace(f":{ServerAddress.from_url(pg_url).port}/", f":{free_port()}/"))
    dialog.test_connection()
    qtbot.waitUntil(lambda: "menolak sambungan" in dialog.ui.resultLabel.text(), timeout=10000)
    assert dialog.ui.resultLabel.text().startswith("Server 127.0.0.1 menolak sambungan di port ")
    assert not ok_button(dialog).isEnabled()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_switching_opens_the_servers_campaigns_and_remembers_it_without_password(
        qtbot, data_dir, clock, pg_url, server_campaigns, modals):
    ws = open_workspace(data_dir, clock=clock)
    siti = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    session = WindowSession(signed_in_window, clock=clock)
    window = session.show(ws)
    try:
        assert window.current_actor() == siti.id
        assert window.windowTitle().endswith("— Berkas lokal (PC ini)")
        assert window.list.model.rowCount() == 0
        address = ServerAddress.from_url(pg_url)

        def choose_server(dialog):
            assert isinstance(dialog, DatabaseDialog)
            fill(dialog, pg_url, password="sandi-uji")  # the throw-away server trusts: any password will do
            dialog.ui.testButton.click()
            qtbot.waitUntil(ok_button(dialog).isEnabled, timeout=10000)
            ok_button(dialog).click()

        modals.then(choose_server)
        window.database.action.trigger()
        assert not modals.pending
        new = session.window
        assert new is not window
        assert new.ws.database_url == address.url()
        assert sorted(new.list.model.record(row).title for row in range(new.list.model.rowCount())) == server_campaigns
        assert new.windowTitle().endswith(f"— Server kantor: 127.0.0.1:{address.port}/{address.dbname}")
        assert new.ui.accountLabel.text().startswith(new.ws.staff.get(new.current_actor()).name)  # the server's person
        assert new.database.label.text() == f"Basis data: Server kantor: 127.0.0.1:{address.port}/{address.dbname}"
        settings = (data_dir / "settings.ini").read_text(encoding="utf-8")
        assert f"url={address.url()}" in settings
        assert "sandi-uji" not in settings
        assert all(b"sandi-uji" not in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())

        def choose_local(dialog):  # and back to this PC's file
            dialog.ui.localRadio.setChecked(True)
            ok_button(dialog).click()

        modals.then(choose_local)
        new.database.action.trigger()
        assert session.window.ws.database_url is None
        assert session.window.current_actor() == siti.id  # this PC's file's person again
        assert session.window.list.model.rowCount() == 0
        assert QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat).value(SETTINGS_KEY) is None
    finally:
        dispose(session.window)


@pytest.fixture
def started():
    """``app._start_window`` in this process (the QApplication exists): closes what it opened."""
    opened = []
    hook = sys.excepthook

    def start(*argv: str):
        result = app._start_window(app.build_parser().parse_args(list(argv)))
        if result is not None:
            opened.append(result)
        return result

    yield start
    for session, lock in opened:
        if isValid(session.window):
            dispose(session.window)
        lock.unlock()
    sys.excepthook = hook


def remember(data_dir: Path, url: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, url)
    settings.sync()


def test_start_up_opens_the_remembered_server(data_dir, pg_url, server_campaigns, started, modals):
    remember(data_dir, pg_url)
    seen = []
    modals.then(sign_in_as(SERVER_USER, seen))  # the server's database has accounts: Masuk
    session, _lock = started("--data-dir", str(data_dir))
    assert not modals.pending and not modals.errors and seen == ["Masuk"]
    window = session.window
    assert window.ui.accountLabel.text().endswith("(Sub Kor DIMC, administrator)")
    assert window.ws.database_url == pg_url
    assert window.list.model.rowCount() == 3
    assert "Server kantor: 127.0.0.1" in window.windowTitle()


def test_an_unreachable_remembered_server_offers_retry_or_this_pcs_file(data_dir, clock, started, modals):
    # This PC's own file was used before the server: it has a person with an account and a campaign.
    local = open_workspace(data_dir, clock=clock)
    siti = local.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    username = account_for(local, siti.id).username
    local.campaigns.create(siti.id, "Wawaran di PC ini")
    local.close()
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/wawaran"
    remember(data_dir, url)
    texts = []

    def press(label):
        def handler(box):
            assert isinstance(box, QMessageBox)
            texts.append(box.text())
            next(b for b in box.buttons() if label in b.text().replace("&", "")).click()
        return handler

    modals.then(press("Coba Lagi")).then(press("Buka Berkas di PC Ini")).then(sign_in_as(username))
    session, _lock = started("--data-dir", str(data_dir))
    assert len(texts) == 2 and "menolak sambungan" in texts[0] and "tidak dapat dibuka" in texts[0]
    assert not modals.pending and not modals.errors
    assert session.window.ws.database_url is None  # this PC's own file, for now
    assert session.window.windowTitle().endswith("— Berkas lokal (PC ini)")
    assert session.window.ws.db_path == data_dir / "wawaran.sqlite3"
    assert [session.window.list.model.record(row).title for row in range(session.window.list.model.rowCount())] == [
        "Wawaran di PC ini"]
    assert session.window.current_actor() == siti.id
    # nothing lost: the choice stays, and the next start tries the server again
    assert QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat).value(SETTINGS_KEY) == url


def test_the_password_is_asked_once_and_then_kept_in_the_store_only(
        data_dir, clock, pg_password_server, keyring_of_the_test, started, modals):  # noqa: F811
    store_file = keyring_of_the_test()  # this PC has a credential store
    url = pg_password_server.url(pg_password_server.create_database())
    office = open_workspace(data_dir.parent / "other-pc", clock=clock, database_url=pg_password_server.url(
        ServerAddress.from_url(url).dbname, PASSWORD))  # the office set the server up: a person with an account
    sub = office.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    username = account_for(office, sub.id).username
    office.close()
    remember(data_dir, url)
    seen = []

    def type_password(dialog):
        assert isinstance(dialog, PasswordDialog)
        seen.append(dialog.ui.messageLabel.text())
        assert dialog.ui.saveCheck.isVisible() and dialog.ui.noStoreLabel.isHidden()
        assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.ui.passwordEdit.setText(PASSWORD)
        dialog.ui.saveCheck.setChecked(True)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    modals.then(type_password).then(sign_in_as(username))
    session, lock = started("--data-dir", str(data_dir))
    assert not modals.pending and "meminta kata sandi" in seen[0]
    assert session.window.ws.database_url == url
    assert base64.b64encode(PASSWORD.encode()) in store_file.read_bytes()
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert PASSWORD.encode() not in content and base64.b64encode(PASSWORD.encode()) not in content, path
    dispose(session.window)
    lock.unlock()
    seen.clear()
    modals.then(sign_in_as(username, seen))
    session2, _lock2 = started("--data-dir", str(data_dir))  # the store answers: no password dialog
    assert not modals.pending and seen == ["Masuk"]  # only the person's sign-in
    assert session2.window.ws.database_url == url
