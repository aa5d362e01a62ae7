"""Passwords for the office server: never in our files; the system's store through keyring when
it is a real one; the server's question answered in order; the command line's prompt path.

The store is keyrings.alt's file backend (a test-only dependency) in a temporary folder,
raised to the priority of a real store (Windows Credential Manager's is 5), so the tests can
look inside it; keyring's own choice on a headless machine (fail, null, or keyrings.alt's
plaintext file at 0.5) must count as "no store".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null
from keyrings.alt.file import PlaintextKeyring
from pg_password_server import PASSWORD, USER, pg_password_server  # noqa: F401  (fixture)

from wawaran_desktop.db import connection
from wawaran_desktop.db.probe import probe_server
from wawaran_desktop.db.urls import strip_password, url_password
from wawaran_desktop.infra.credentials import (
    PASSWORD_ENV,
    Answer,
    CredentialStore,
    PasswordRequest,
    PasswordSource,
    ServerAddress,
    describe,
)
from wawaran_desktop.services.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]


class FileStore(PlaintextKeyring):
    """keyrings.alt's file backend at a real store's priority (a stand-in for Windows
    Credential Manager), its file in a folder of the test's own."""

    priority = 5  # type: ignore[assignment]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.file_path = str(folder / "keyring.cfg")


@pytest.fixture
def store_dir(tmp_path):
    folder = tmp_path / "credential-store"
    folder.mkdir()
    return folder


@pytest.fixture
def system_store(store_dir):
    """keyring's choice for this process set to the file store (as Windows would have its
    Credential Manager), restored afterwards."""
    before = keyring.get_keyring()
    backend = FileStore(store_dir)
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def files_under(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# -- addresses --------------------------------------------------------------------------------

def test_an_address_is_a_url_without_password():
    url = "postgresql://petugas:rah%40sia@server-kantor:6543/wawaran?sslmode=require"
    address = ServerAddress.from_url(url)
    assert address == ServerAddress("server-kantor", "wawaran", "petugas", 6543, "sslmode=require")
    assert address.url() == "postgresql://petugas@server-kantor:6543/wawaran?sslmode=require"
    assert url_password(url) == "rah@sia"
    assert strip_password(url) == "postgresql://petugas@server-kantor:6543/wawaran?sslmode=require"
    assert strip_password(address.url()) == address.url()
    assert ServerAddress.from_url(address.url()) == address
    assert address.label() == "server-kantor:6543/wawaran"
    assert ServerAddress.from_url("postgresql://u@h/db").label() == "h/db"
    assert ServerAddress.from_url("sqlite:///x.sqlite3") is None
    assert ServerAddress.from_url(None) is None
    assert describe(None) == "Berkas lokal (PC ini)"
    assert describe(url) == "Server kantor: server-kantor:6543/wawaran"


def test_a_password_given_as_a_url_option_is_kept_nowhere(tmp_path):
    """libpq takes a password after ``?`` too (``password=``; ``sslpassword=`` unlocks the SSL
    key): like ``user:password@`` it is used for the opening and never kept, shown or printed."""
    url = "postgresql://ana@db.kantor:5432/wawaran?password=s3cret&sslmode=require"
    assert strip_password(url) == "postgresql://ana@db.kantor:5432/wawaran?sslmode=require"
    assert url_password(url) == "s3cret"
    address = ServerAddress.from_url(url)  # what the Basis Data page starts from (its options kept)
    assert address.query == "sslmode=require" and address.url() == strip_password(url)
    both = ("postgresql://ana:pw%401@db.kantor/wawaran?sslpassword=kunci&application_name=wawaran%20kantor"
            "&password=pw2")
    assert strip_password(both) == "postgresql://ana@db.kantor/wawaran?application_name=wawaran%20kantor"
    assert ServerAddress("db.kantor", "wawaran", "ana", query="password=x&sslmode=require").query == "sslmode=require"
    from wawaran_desktop.views.database_dialog import remember_url, remembered_url

    remember_url(tmp_path, url)  # the window's choice in settings.ini
    assert "s3cret" not in (tmp_path / "settings.ini").read_text()
    assert remembered_url(tmp_path) == "postgresql://ana@db.kantor:5432/wawaran?sslmode=require"
    for wrong in ("postgresql://ana:s3cret@db.kantor/", "postgresql://ana@db.kantor/?password=s3cret",
                  "mysql://ana:s3cret@db.kantor/wawaran"):
        with pytest.raises(connection.DatabaseError) as refused:  # refused before any connection
            connection.connect_postgres(wrong)
        assert "s3cret" not in str(refused.value) and "ana@db.kantor/" in str(refused.value)


def test_names_with_odd_characters_round_trip():
    address = ServerAddress("192.168.1.10", "data kantor", "budi@dinas", 5432)
    assert ServerAddress.from_url(address.url()) == address


# -- the store --------------------------------------------------------------------------------

@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_keyrings_fallbacks_count_as_no_store(backend):
    store = CredentialStore(backend)
    address = ServerAddress("server", "wawaran", "budi")
    assert not store.available()
    assert store.get(address) is None
    assert store.set(address, "rahasia") is False
    store.delete(address)  # nothing to forget, no error


def test_a_plaintext_file_is_no_store(store_dir):
    """keyrings.alt's own priority (0.5): a password in a plain file is no safer than in ours."""
    plain = PlaintextKeyring()
    plain.file_path = str(store_dir / "plain.cfg")
    store = CredentialStore(plain)
    assert not store.available()
    assert store.set(ServerAddress("server", "wawaran", "budi"), "rahasia") is False
    assert not (store_dir / "plain.cfg").exists()


def test_a_real_store_keeps_gets_and_forgets(system_store, store_dir):
    store = CredentialStore()  # keyring's choice: the file store standing in for Windows'
    address = ServerAddress("server-kantor", "wawaran", "budi")
    assert store.available()
    assert store.get(address) is None
    assert store.set(address, "rahasia-1")
    assert store.get(address) == "rahasia-1"
    assert store.get(ServerAddress("server-kantor", "wawaran", "siti")) is None  # per user
    assert store.get(ServerAddress("server-lain", "wawaran", "budi")) is None  # per server
    store.delete(address)
    assert store.get(address) is None
    assert store.name() == "penyimpan kredensial sistem"  # "Pengelola Kredensial Windows" on Windows


# -- answering the server's question ------------------------------------------------------------

def test_answers_are_tried_in_order_each_once(system_store):
    store = CredentialStore()
    address = ServerAddress("server", "wawaran", "budi")
    store.set(address, "dari-store")
    asked: list[PasswordRequest] = []
    source = PasswordSource(store, lambda request: asked.append(request) or Answer(f"ketik-{len(asked)}"),
                            given=Answer("dari-halaman"), env={PASSWORD_ENV: "dari-env"})
    url = address.url()
    assert source(url, False) == "dari-halaman"
    assert source(url, True) == "dari-env"
    assert source(url, True) == "dari-store"
    assert source(url, True) == "ketik-1"
    assert asked[0].refused and asked[0].stored_refused
    assert source(url, True) == "ketik-2"
    assert source(url, True) == "ketik-3"
    assert source(url, True) is None  # three times asked: give up
    assert not asked[1].stored_refused


def test_a_typed_password_is_kept_only_when_asked_and_accepted(system_store):
    store = CredentialStore()
    address = ServerAddress("server", "wawaran", "budi")
    keep = PasswordSource(store, lambda request: Answer("baru", save=True), env={})
    assert keep(address.url(), False) == "baru"
    assert store.get(address) is None  # not before the server accepted it
    keep.confirm()
    assert store.get(address) == "baru"
    # The kept one is refused later; the new one typed is not to be kept: the stale one goes.
    forget = PasswordSource(store, lambda request: Answer("lebih-baru", save=False), env={})
    assert forget(address.url(), False) == "baru"
    assert forget(address.url(), True) == "lebih-baru"
    forget.confirm()
    assert store.get(address) is None


def test_nobody_to_ask_gives_up():
    source = PasswordSource(CredentialStore(fail.Keyring()), None, env={})
    assert source("postgresql://budi@server/wawaran", False) is None


# -- against a server that checks passwords --------------------------------------------------------

def test_without_an_answer_the_server_question_is_an_indonesian_error(pg_password_server, tmp_path):  # noqa: F811
    url = pg_password_server.url(pg_password_server.create_database())
    with pytest.raises(connection.PasswordRequired, match="meminta kata sandi untuk pengguna petugas_wawaran"):
        open_workspace(tmp_path / "pc", database_url=url)
    with pytest.raises(connection.PasswordRequired, match="ditolak"):
        open_workspace(tmp_path / "pc", database_url=pg_password_server.url(url.rsplit("/", 1)[1], "salah"))
    assert connection.password_hook is None


def test_the_window_kind_of_answer_opens_and_keeps_it_in_the_store_only(
        pg_password_server, tmp_path, system_store, store_dir):  # noqa: F811
    """Typed once with "keep" ticked: the store has it and no file of the data folder does; the
    next opening asks nobody."""
    name = pg_password_server.create_database()
    url = pg_password_server.url(name)
    data = tmp_path / "pc"
    asked = []

    def ask(request):
        asked.append(request)
        return Answer("salah ketik") if len(asked) == 1 else Answer(PASSWORD, save=True)

    with PasswordSource(ask=ask):
        ws = open_workspace(data, database_url=url)
    ws.campaigns  # noqa: B018 - it works
    ws.close()
    assert [a.refused for a in asked] == [False, True]
    assert CredentialStore().get(ServerAddress.from_url(url)) == PASSWORD
    # the window remembers the server in settings.ini: never with the password
    from PySide6.QtCore import QSettings

    from wawaran_desktop.infra.credentials import SETTINGS_KEY

    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, strip_password(pg_password_server.url(name, PASSWORD)))
    settings.sync()
    assert "petugas_wawaran@127.0.0.1" in (data / "settings.ini").read_text()
    for path, content in files_under(data).items():
        assert PASSWORD.encode() not in content, path
        assert b"Rahasia" not in content, path
    import base64

    assert base64.b64encode(PASSWORD.encode()) in (store_dir / "keyring.cfg").read_bytes()  # the store holds it
    with PasswordSource(ask=lambda request: pytest.fail("asked again")):
        open_workspace(data, database_url=url).close()


def test_probe_reports_a_wrong_or_missing_password(pg_password_server):  # noqa: F811
    url = pg_password_server.url(pg_password_server.create_database())
    missing = probe_server(url)
    assert missing.password_wanted and "meminta kata sandi" in missing.reason
    wrong = probe_server(url, "salah")
    assert wrong.password_wanted and "Kata sandi salah" in wrong.reason
    right = probe_server(url, PASSWORD)
    assert not right.password_wanted and "kosong" in right.reason and "init-server" in right.reason


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in (PASSWORD_ENV, "PGPASSWORD")}
    environment.update(QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          check=False, timeout=120, env=environment, cwd=ROOT, stdin=subprocess.DEVNULL)


def test_the_command_line_takes_the_password_from_its_variable(pg_password_server, tmp_path):  # noqa: F811
    """A scheduled job: no terminal to ask on. WAWARAN_DB_PASSWORD answers; without it the job
    fails at once with what to do (exit code 2); a wrong one is said to be refused."""
    name = pg_password_server.create_database()
    url = pg_password_server.url(name)
    folder = str(tmp_path / "pc")
    made = run_cli("--data-dir", folder, "--database", url, "demo", "--campaigns", "3", "--seed", "2",
                   env={PASSWORD_ENV: PASSWORD})
    assert made.returncode == 0, made.stderr
    listed = run_cli("--data-dir", folder, "--database", url, "list", env={PASSWORD_ENV: PASSWORD})
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3, listed.stderr
    refused = run_cli("--data-dir", folder, "--database", url, "list")
    assert refused.returncode == 2
    assert refused.stderr.startswith("galat: Server 127.0.0.1:") and "meminta kata sandi" in refused.stderr
    assert PASSWORD_ENV in refused.stderr and "Traceback" not in refused.stderr
    wrong = run_cli("--data-dir", folder, "--database", url, "list", env={PASSWORD_ENV: "salah"})
    assert wrong.returncode == 2 and "ditolak" in wrong.stderr
    # libpq's own PGPASSWORD works as well, and so does a URL with the password written in
    assert run_cli("--data-dir", folder, "--database", url, "list", env={"PGPASSWORD": PASSWORD}).returncode == 0
    embedded = run_cli("--data-dir", folder, "--database", pg_password_server.url(name, PASSWORD), "list")
    assert embedded.stdout == listed.stdout
    assert not any(PASSWORD.encode() in c for c in files_under(tmp_path / "pc").values())


def test_subcommands_follow_the_database_chosen_in_the_window(pg_password_server, tmp_path):  # noqa: F811
    from PySide6.QtCore import QSettings

    from wawaran_desktop.infra.credentials import SETTINGS_KEY

    name = pg_password_server.create_database()
    folder = tmp_path / "pc"
    assert run_cli("--data-dir", str(folder), "--database", pg_password_server.url(name), "demo", "--campaigns",
                   "2", env={PASSWORD_ENV: PASSWORD}).returncode == 0
    assert run_cli("--data-dir", str(folder), "list").stdout == ""  # the folder's own file: empty
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTINGS_KEY, pg_password_server.url(name))
    settings.sync()
    listed = run_cli("--data-dir", str(folder), "list", env={PASSWORD_ENV: PASSWORD})
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2, listed.stderr
    assert USER in (folder / "settings.ini").read_text()


def test_the_server_commands_take_the_password_the_same_way(pg_password_server, tmp_path):  # noqa: F811
    """migrate-to (and init-server) open the server themselves: WAWARAN_DB_PASSWORD answers them
    too, and without it they stop with the same advice, exit code 2."""
    folder = str(tmp_path / "pc")
    assert run_cli("--data-dir", folder, "demo", "--campaigns", "2", "--seed", "3").returncode == 0
    url = pg_password_server.url(pg_password_server.create_database())
    refused = run_cli("--data-dir", folder, "migrate-to", url)
    assert refused.returncode == 2 and "meminta kata sandi" in refused.stderr and PASSWORD_ENV in refused.stderr
    assert "Traceback" not in refused.stderr
    moved = run_cli("--data-dir", folder, "migrate-to", url, env={PASSWORD_ENV: PASSWORD})
    assert moved.returncode == 0, moved.stderr
    listed = run_cli("--data-dir", str(tmp_path / "other"), "--database", url, "list", env={PASSWORD_ENV: PASSWORD})
    assert listed.stdout == run_cli("--data-dir", folder, "list").stdout and len(listed.stdout.splitlines()) == 2
