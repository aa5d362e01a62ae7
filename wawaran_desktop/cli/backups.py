"""``main.py backup``, ``restore FILE`` and ``check``: backups and the integrity check of a PC's own
file without the window (services/backups.py, services/integrity.py). Every refusal is one Indonesian
``galat:`` line and exit code 2, never a traceback.

``backup`` reads the data and writes only into ``backups/`` (or ``--to``), so like ``list`` it runs
without signing in. ``restore`` replaces everyone's data: on a folder with accounts it acts as an
administrator (``--user``); it takes the window's folder lock first, so it never runs under an open
window. When the file in use cannot be opened at all (damaged), nobody can sign in to it: the restore
then runs without, and the history of the restored file says so. ``check`` reads the file on a
connection of its own, so it answers also for a file the application would refuse to open.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wawaran_desktop import paths

#: The commands here that run without a workspace opened first (cli/__init__.py).
WITHOUT_WORKSPACE = ("restore", "check")


def add_parsers(sub: Any) -> None:
    """Register ``backup``, ``restore`` and ``check`` on the command line's subparsers."""
    backup = sub.add_parser(
        "backup", help="buat cadangan basis data PC ini di folder backups (atau daftarkan cadangan: --list)",
        description="Buat cadangan basis data PC ini: salinan yang konsisten (juga saat aplikasi dipakai), "
                    "diperiksa keutuhannya, di folder backups folder data. Tidak untuk server kantor: di sana "
                    "cadangan dibuat di server (pg_dump).")
    backup.add_argument("--list", action="store_true",
                        help="hanya daftar cadangan: tanggal (WIB), jenis, ukuran, jumlah kampanye, nama berkas")
    backup.add_argument("--auto", action="store_true",
                        help="cadangan otomatis hari ini bila belum ada, lalu rotasi kantor (untuk tugas terjadwal)")
    backup.add_argument("--to", metavar="FOLDER", help="salin juga cadangan itu ke folder ini (diska lain, USB)")
    restore = sub.add_parser(
        "restore", help="pulihkan basis data dari berkas cadangan (berkas sekarang disimpan dulu sebagai cadangan)",
        description="Pulihkan basis data PC ini dari berkas cadangan. Cadangan diperiksa dulu (utuh, milik "
                    "Wawaran Desktop, tidak lebih baru); basis data sekarang disimpan sebagai cadangan tersendiri; "
                    "pemulihan dicatat di riwayat. Jendela aplikasi harus ditutup dulu.")
    restore.add_argument("file", metavar="BERKAS", help="berkas cadangan (.sqlite3), mis. dari backup --list")
    check = sub.add_parser("check", help="periksa keutuhan basis data PC ini secara lengkap: 0 utuh, 2 rusak")
    check.add_argument("--quick", action="store_true", help="pemeriksaan cepat saja (tanpa isi indeks)")


def _server_refusal(args: argparse.Namespace, folder: Path, remembered: Callable[[Path], str | None]) -> str | None:
    """The refusal when this folder's database is the office server's (``--database``, or the
    choice ``remembered(folder)`` gives), else None."""
    from wawaran_desktop.services.backups import ON_SERVER

    url = args.database or remembered(folder)
    if url is None:
        return None
    if args.command == "check":
        from wawaran_desktop.services.integrity import ON_SERVER as CHECK_ON_SERVER

        return CHECK_ON_SERVER
    return ON_SERVER


def run_without_workspace(args: argparse.Namespace, remembered: Callable[[Path], str | None]) -> int:
    """``restore`` and ``check``: they open the file themselves (it may be damaged). ``remembered``:
    the database this PC chose for a data folder (``cli.remembered_database``)."""
    try:
        folder = paths.data_dir(args.data_dir)
    except OSError as exc:
        print(f"galat: Folder data tidak dapat dibuat atau dibuka ({exc.strerror}): pilih folder lain dengan "
              "--data-dir.", file=sys.stderr)
        return 2
    refusal = _server_refusal(args, folder, remembered)
    if refusal:
        print(f"galat: {refusal}", file=sys.stderr)
        return 2
    if args.command == "check":
        return _check(folder, full=not args.quick)
    return _restore(folder, Path(args.file), args)


def _check(folder: Path, full: bool) -> int:
    from wawaran_desktop.services.integrity import check

    result = check(folder, full=full)
    if result.ok:
        print(result.message)
        return 0
    print(f"galat: {result.text}", file=sys.stderr)
    return 2


def _restore(folder: Path, backup: Path, args: argparse.Namespace) -> int:
    from peewee import PeeweeException

    from wawaran_desktop.cli.server import folder_lock
    from wawaran_desktop.cli.sign_in import CommandSignInError, signed_in_for
    from wawaran_desktop.db import backup as engine
    from wawaran_desktop.db.connection import DatabaseDamaged, close_database
    from wawaran_desktop.services.backups import restore_into
    from wawaran_desktop.services.clock import utc_now
    from wawaran_desktop.services.errors import ServiceError
    from wawaran_desktop.services.workspace import OPEN_ERRORS, open_workspace

    try:  # the backup first: a file that may not be restored is refused before anything is touched
        engine.examine(backup)
    except engine.BackupError as exc:
        print(f"galat: Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.", file=sys.stderr)
        return 2
    lock = folder_lock(folder)
    if lock is None:
        print(f"galat: Wawaran Desktop sedang terbuka untuk folder data ini ({folder}): tutup dulu jendela itu, "
              "lalu ulangi restore. Tidak ada yang diubah.", file=sys.stderr)
        return 2
    try:
        damaged: object = None
        try:
            ws = open_workspace(folder)
        except DatabaseDamaged as exc:
            ws, damaged = None, exc
        except OPEN_ERRORS as exc:
            print(f"galat: {exc}", file=sys.stderr)
            return 2
        if ws is not None:  # opened, but is it whole? (who may sign in is read from it)
            try:
                problems = engine.check_in_use(ws.db_path, full=False).problems
            except engine.BackupError as exc:
                problems = [str(exc)]
            if problems:
                ws.close()
                ws, damaged = None, f"pemeriksaan keutuhan menemukan {len(problems)} masalah"
        try:
            if ws is not None:
                try:
                    args.signed_in = signed_in_for(ws, args)
                except CommandSignInError as exc:
                    print(f"galat: {exc}", file=sys.stderr)
                    return 2
                actor = args.signed_in.staff_id if args.signed_in is not None else None
                result = ws.backups.restore(backup, actor)
            else:
                print(f"Basis data sekarang rusak atau tidak dapat dibuka ({damaged}): akun tidak dapat diperiksa di "
                      "dalamnya, jadi dipulihkan tanpa masuk (tercatat di riwayat).", file=sys.stderr)
                result = restore_into(folder, backup, utc_now, None)
        except ServiceError as exc:
            print(f"galat: {exc}", file=sys.stderr)
            return 2
        except PeeweeException:
            print(f"galat: Basis data {folder / paths.DB_FILENAME} tidak dapat dibaca. Periksa dengan python main.py "
                  "check; tidak ada yang dipulihkan.", file=sys.stderr)
            return 2
        finally:
            if ws is not None:
                ws.close()
            close_database()
    finally:
        lock.unlock()
    print(result.message)
    return 0


def cmd_backup(ws, args: argparse.Namespace) -> int:
    """``backup``: a manual backup (``--auto``: the day's automatic one and the rotation), printed;
    ``--to``: copied there too; ``--list``: the backups, newest first."""
    from wawaran_desktop.services.backups import BackupsOnServer
    from wawaran_desktop.services.errors import ServiceError

    try:
        if args.list:
            return _list(ws)
        if args.auto:
            entry = ws.backups.run_automatic()
            if entry is None:
                print("Cadangan otomatis hari ini sudah ada; tidak ada yang dibuat.")
                return 0
        else:
            entry = ws.backups.create()
        print(f"Cadangan dibuat dan diperiksa: {entry.path}")
        print(f"{entry.when_text}, {entry.size_text}, {entry.campaigns_text}.")
        if args.to:
            copy = ws.backups.copy_to(entry.path, Path(args.to))
            print(f"Disalin ke {copy}")
    except BackupsOnServer as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 2
    except ServiceError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 2
    return 0


def _list(ws) -> int:
    entries = ws.backups.list()
    if not entries:
        print(f"Belum ada cadangan di {ws.backups.folder}.")
        return 0
    rotation, _ = ws.backups.rotation()
    print(f"Cadangan di {ws.backups.folder} (rotasi cadangan otomatis: {rotation.text()}):")
    for e in entries:
        state = f"  TIDAK DAPAT DIPAKAI: {e.problem}" if e.problem else ""
        print(f"{e.when_text:<32} {e.kind_text:<24} {e.size_text:>9} {e.campaigns_text:>14}  {e.name}{state}")
    return 0
