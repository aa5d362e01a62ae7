"""The command line, run as a user would: a separate process, real data folder."""

from __future__ import annotations

import ast
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


#: The demo's training account (wawaran_desktop/demo/accounts.py), as the start-up probe signs in.
TRAINER = ("--user", "rina")
TRAINING_ENV = {"WAWARAN_PASSWORD": "latihan-wawaran"}


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **TRAINING_ENV)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT, **kwargs)


def test_help_lists_the_subcommands():
    result = run("--help")
    assert result.returncode == 0
    for word in ("demo", "list", "--data-dir"):
        assert word in result.stdout


@pytest.mark.parametrize("columns", [60, 120])
def test_help_fits_the_terminal_width(columns):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COLUMNS=str(columns))
    for args in ((), ("export",)):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--help"], capture_output=True,
                                text=True, timeout=120, env=env, cwd=ROOT)
        lines = result.stdout.splitlines()
        assert result.returncode == 0 and len(lines) > 5
        wrappable = [line for line in lines if " " in line.strip()]  # not {a,b,c} alone: it cannot break
        assert max(map(len, wrappable)) <= columns
        if columns == 120:  # the description is not wrapped narrower than it has to be
            assert max(map(len, lines)) > 80


def test_demo_then_list(tmp_path):
    result = run("--data-dir", str(tmp_path), "demo", "--campaigns", "12", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "12 kampanye contoh ditambahkan" in result.stdout
    listed = run("--data-dir", str(tmp_path), "list")
    lines = listed.stdout.strip().splitlines()
    assert len(lines) == 12
    ident, status, title = lines[0].split("\t")
    assert ident.isdigit() and status in {"draft", "running", "done", "cancelled"} and title.startswith("Wawaran")
    refused = run("--data-dir", str(tmp_path), "demo", "--campaigns", "5")  # the folder has accounts now
    assert refused.returncode == 2 and "--user" in refused.stderr
    again = run("--data-dir", str(tmp_path), *TRAINER, "demo", "--campaigns", "5")
    assert again.returncode == 0 and "total 17 kampanye" in again.stdout, again.stderr
    wrong = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path), *TRAINER, "list"],
                           capture_output=True, text=True, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL,
                           env=dict(os.environ, QT_QPA_PLATFORM="offscreen", WAWARAN_PASSWORD="bukan-sandinya"))
    assert wrong.returncode == 2 and "Nama pengguna atau kata sandi salah." in wrong.stderr
    assert not wrong.stdout  # nothing listed for a refused account


def test_demo_refuses_a_zero_count(tmp_path):
    result = run("--data-dir", str(tmp_path), "demo", "--campaigns", "0")
    assert result.returncode == 2
    assert "--campaigns" in result.stderr


def test_damaged_database_is_reported_and_left_alone(tmp_path):
    db = tmp_path / "wawaran.sqlite3"
    db.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = run("--data-dir", str(tmp_path), "list")
    assert result.returncode == 2
    assert "rusak atau bukan basis data SQLite" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wawaran.sqlite3"]


def signed_in_folder(folder: Path) -> Path:
    """A data folder with the demo's office and its training accounts (the probe signs in)."""
    assert run("--data-dir", str(folder), "demo", "--campaigns", "1", "--seed", "1").returncode == 0
    return folder


def test_window_starts_and_reaches_the_event_loop(tmp_path):
    signed_in_folder(tmp_path)
    result = run("--data-dir", str(tmp_path), *TRAINER, "--startup-probe")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ready ")
    assert (tmp_path / "wawaran.sqlite3").is_file() and (tmp_path / "settings.ini").is_file()


def _as_unprivileged_user() -> list[str]:
    """Run as 'nobody' so file permissions apply (root, as in CI, bypasses them)."""
    if getattr(os, "geteuid", lambda: -1)() != 0:
        return []
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits; Windows has ACLs instead")
def test_read_only_database_is_refused_with_a_clear_message():
    base = Path(tempfile.mkdtemp(prefix="wawaran-ro-"))  # under /tmp, which 'nobody' can reach
    try:
        base.chmod(0o755)
        folder = base / "shared-folder"
        folder.mkdir()
        assert run("--data-dir", str(folder), "demo", "--campaigns", "2").returncode == 0
        db = folder / "wawaran.sqlite3"
        before = hashlib.sha256(db.read_bytes()).hexdigest()
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(base))
        result = subprocess.run([*_as_unprivileged_user(), sys.executable, str(ROOT / "main.py"),
                                 "--data-dir", str(folder), "list"],
                                capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "hanya dapat dibaca" in result.stderr
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(base)


def test_a_second_window_on_the_same_data_folder_is_refused(tmp_path):
    from PySide6.QtCore import QLockFile

    signed_in_folder(tmp_path)
    lock = QLockFile(str(tmp_path / "wawaran.lock"))
    assert lock.tryLock(0)  # as a first window holds it
    try:
        result = run("--data-dir", str(tmp_path), *TRAINER, "--startup-probe")
    finally:
        lock.unlock()
    assert result.returncode == 1
    assert "sudah terbuka untuk folder data ini" in result.stderr
    assert not result.stdout.startswith("ready")
    again = run("--data-dir", str(tmp_path), *TRAINER, "--startup-probe")  # once closed, it opens
    assert again.returncode == 0 and again.stdout.startswith("ready")


@pytest.mark.parametrize("args, message", [
    (("export", "swimlane", "--campaign", "satu", "-o", "x.pdf"),
     "galat: argumen --campaign: harus bilangan bulat, bukan 'satu'"),
    (("export", "swimlane"), "galat: argumen berikut wajib diisi: -o/--output"),
    (("export", "gambar", "-o", "x.pdf"), "galat: argumen kind: pilihan 'gambar' tidak dikenal (pilih salah satu:"),
    (("list", "--lebih"), "galat: argumen tidak dikenal: --lebih"),
    (("demo", "--campaigns"), "galat: argumen --campaigns: memerlukan satu nilai"),
])
def test_argument_errors_are_in_indonesian(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr, result.stderr
    for english in ("error:", "invalid", "required", "choose from", "unrecognized", "expected"):
        assert english not in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_argparse_messages_are_kept():
    from wawaran_desktop.app import indonesian_error

    assert indonesian_error("something new") == "something new"


@pytest.mark.parametrize("held", [False, True], ids=["window shown", "refused: data folder in use"])
def test_collection_is_back_on_after_start_up(tmp_path, held):
    """Start-up runs with the cyclic collector paused; whatever happens, it is on afterwards,
    and after a shown window the start-up objects are frozen out of later collections."""
    from PySide6.QtCore import QLockFile

    signed_in_folder(tmp_path)
    code = ("import gc, sys\nfrom wawaran_desktop.app import main\n"
            f"code = main(['--data-dir', {str(tmp_path)!r}, '--user', 'rina', '--startup-probe'])\n"
            "print('gc', code, gc.isenabled(), gc.get_freeze_count())\n")
    lock = QLockFile(str(tmp_path / "wawaran.lock"))
    if held:
        assert lock.tryLock(0)
    try:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                                env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **TRAINING_ENV), cwd=ROOT)
    finally:
        lock.unlock()
    _, exit_code, enabled, frozen = result.stdout.strip().splitlines()[-1].split()
    assert (exit_code, enabled) == ("1" if held else "0", "True"), result.stderr
    assert int(frozen) > (0 if held else 10_000)


def test_start_up_builds_no_python_classes_of_qt_event_types(data_dir, ws, actor):
    """A Python event filter (or event() override) on a widget shown at start-up receives every
    kind of event, and PySide6 builds the classes of all 46 of Qt's event types for it (~5 ms,
    bench/startup.py). A showEvent() override needs only QShowEvent; closing, QCloseEvent."""
    ws.campaigns.create(actor.id, "Wawaran Pencegahan DBD")  # opens at stage 1, the richest panel
    from accounts import PASSWORD, account_for

    username = account_for(ws, actor.id).username
    code = ("import sys\nfrom wawaran_desktop.app import main\n"
            f"main(['--data-dir', {str(data_dir)!r}, '--user', {username!r}, '--startup-probe'])\n"
            "import PySide6.QtCore as c, PySide6.QtGui as g, PySide6.QtWidgets as w\n"
            "print(sorted(n for m in (c, g, w) for n, v in vars(m).items() if isinstance(v, type) "
            "and n.endswith('Event')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", WAWARAN_PASSWORD=PASSWORD), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    built = set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))
    assert built <= {"QEvent", "QCloseEvent", "QShowEvent"}, sorted(built)
