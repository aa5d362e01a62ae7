"""``main.py backup``, ``restore FILE`` and ``check`` run as a user would: a separate process, a real
data folder (the demo's, with accounts). Every refusal is an Indonesian ``galat:`` and exit code 2,
never a traceback; a damaged file is reported with the way out, and restored from the command line."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ADMIN = ("--user", "rina")  # the demo's Kepala Bidang, an administrator
MEMBER = ("--user", "dedi")


def run(data: Path, *args: str, password: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("WAWARAN_PASSWORD", None)
    if password:
        env["WAWARAN_PASSWORD"] = "latihan-wawaran"
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=ROOT, stdin=subprocess.DEVNULL)


def refused(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("galat: ") and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> None:
    """Garbage over every third page after the first ten (the report table's pages among them)."""
    size = path.stat().st_size
    with open(path, "r+b") as stream:
        for page in range(10, size // 4096 - 1, 3):
            stream.seek(page * 4096)
            stream.write(bytes((i * 37 + 11) % 256 for i in range(4096)))


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    made = run(folder, "demo", "--campaigns", "4", "--seed", "16")
    assert made.returncode == 0, made.stderr
    return folder


@pytest.fixture
def data(demo_folder, tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "wawaran.sqlite3").write_bytes((demo_folder / "wawaran.sqlite3").read_bytes())
    return folder


def test_backup_list_and_check(data, tmp_path):
    made = run(data, "backup", "--to", str(tmp_path))
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[0].startswith("Cadangan dibuat dan diperiksa: ")
    assert re.fullmatch(r"\d+ [A-Z][a-z]+ \d{4} pukul \d\d\.\d\d WIB, [\d.,]+ [KM]B, 4 kampanye\.", lines[1]), lines[1]
    copy = Path(lines[0].split(": ", 1)[1])
    assert copy.parent == data / "backups" and (tmp_path / copy.name).is_file()
    assert lines[2] == f"Disalin ke {tmp_path / copy.name}"
    listed = run(data, "backup", "--list")
    assert listed.returncode == 0 and "rotasi cadangan otomatis: 7 harian, 4 mingguan, 12 bulanan" in listed.stdout
    assert copy.name in listed.stdout and "Manual" in listed.stdout
    auto = run(data, "backup", "--auto")
    again = run(data, "backup", "--auto")
    assert auto.returncode == again.returncode == 0
    assert "otomatis" in auto.stdout and again.stdout.startswith("Cadangan otomatis hari ini sudah ada")
    checked = run(data, "check")
    assert checked.returncode == 0 and checked.stdout.startswith("Basis data utuh: pemeriksaan keutuhan lengkap")


def test_restore_acts_as_an_administrator_and_the_history_verifies_after(data):
    backup = Path(run(data, "backup").stdout.splitlines()[0].split(": ", 1)[1])
    refused(run(data, "restore", str(backup), password=False), "--user")
    refused(run(data, *MEMBER, "restore", str(backup)), "hanya administrator")
    done = run(data, *ADMIN, "restore", str(backup))
    assert done.returncode == 0, done.stderr
    assert "dipulihkan" in done.stdout and "wawaran-sebelum-pemulihan-" in done.stdout
    verified = run(data, "verify-history")
    assert verified.returncode == 0 and verified.stdout.startswith("Riwayat utuh"), verified.stderr
    con = sqlite3.connect(data / "wawaran.sqlite3")
    try:
        action, name, detail = con.execute(
            "SELECT action, actor_name, detail FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    assert action == "restore" and name.startswith("Rina") and backup.name in detail and "(rina)" in detail


def test_a_damaged_file_is_reported_with_the_way_out_and_restored_without_signing_in(data):
    backup = Path(run(data, "backup").stdout.splitlines()[0].split(": ", 1)[1])
    damage(data / "wawaran.sqlite3")
    for args in (("check",), ("check", "--quick"), ("list",), ("verify-history",), ("backup",),
                 ("export", "workbook", "-o", str(data / "rekap.xlsx"))):  # issue 16: these succeeded on it
        refused(run(data, *args), "RUSAK", "Jalan keluar: pulihkan cadangan baik terbaru", f'restore "{backup}"')
    assert not (data / "rekap.xlsx").exists()
    done = run(data, "restore", str(backup), password=False)
    assert done.returncode == 0, done.stderr
    assert "dipulihkan tanpa masuk" in done.stderr and "Traceback" not in done.stderr
    assert "-rusak.sqlite3" in done.stdout  # the damaged file kept as it was
    assert run(data, "check").returncode == 0
    listed = run(data, "backup", "--list").stdout
    assert "TIDAK DAPAT DIPAKAI" in listed and "rusak" in listed


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_is_written(data, tmp_path):
    backup = Path(run(data, "backup").stdout.splitlines()[0].split(": ", 1)[1])
    damage(backup)
    before = sha256(data / "wawaran.sqlite3")
    refused(run(data, *ADMIN, "restore", str(backup)), "Cadangan tidak dipulihkan", "rusak", "tidak diubah")
    foreign = tmp_path / "lain.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY)")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    foreign_before = sha256(foreign)
    refused(run(data, *ADMIN, "restore", str(foreign)), "bukan milik Wawaran Desktop")
    refused(run(data, *ADMIN, "restore", str(tmp_path / "tidak-ada.sqlite3")), "tidak ada")
    assert sha256(foreign) == foreign_before and sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "lain.sqlite3"]
    assert sha256(data / "wawaran.sqlite3") == before
    assert sorted(p.name for p in (data / "backups").iterdir()) == [backup.name]  # nothing set aside


def test_restore_waits_for_the_window_to_close(data):
    backup = Path(run(data, "backup").stdout.splitlines()[0].split(": ", 1)[1])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom PySide6.QtCore import QLockFile\nlock = QLockFile(sys.argv[1])\n"
         "print(lock.tryLock(0), flush=True)\nsys.stdin.readline()\n", str(data / "wawaran.lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        refused(run(data, *ADMIN, "restore", str(backup)), "sedang terbuka", "tutup dulu")
    finally:
        holder.communicate("\n", timeout=30)
    assert run(data, *ADMIN, "restore", str(backup)).returncode == 0


def test_on_the_office_server_backups_are_the_servers(tmp_path, pg_empty_url):
    data = tmp_path / "data"
    for args in (("backup",), ("backup", "--list"), ("restore", str(tmp_path / "x.sqlite3")), ("check",)):
        refused(run(data, "--database", pg_empty_url, *args), "server kantor", "pg_")
