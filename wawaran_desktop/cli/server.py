"""The office server's subcommands: ``init-server`` (prepare or upgrade a PostgreSQL database, its
roles and rights) and ``migrate-to`` (copy a data folder's file into one). Neither opens a
workspace: ``init-server`` must not migrate as the administrator's own role, and ``migrate-to``
opens both databases itself."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import PostgresqlDatabase

from wawaran_desktop import paths
from wawaran_desktop.db import server_setup, transfer
from wawaran_desktop.db.connection import (
    DatabaseError,
    PasswordRequired,
    close_database,
    connect_postgres,
    open_database,
)
from wawaran_desktop.db.models import database
from wawaran_desktop.db.urls import strip_password

if TYPE_CHECKING:
    from wawaran_desktop.services.accounts import FirstAdmin
    from wawaran_desktop.sop import Sop

#: The environment variable that gives a new login's password (otherwise it is asked).
PASSWORD_ENV = "WAWARAN_PASSWORD"
#: The lane of the staff entry added for the first administrator (services/accounts.py).
FIRST_ADMIN_LANE = "subkor"


def add_parsers(sub: Any) -> None:
    """Register ``init-server`` and ``migrate-to`` on the command line's subparsers (``add_subparsers()``)."""
    init = sub.add_parser(
        "init-server", help="siapkan basis data PostgreSQL kosong (atau perbarui skemanya): peran dan hak",
        description="Siapkan basis data PostgreSQL yang kosong (--database URL, akun administrator): peran "
                    "pemilik tabel tanpa login, peran kelompok dengan hak yang diperlukan aplikasi, dan "
                    "(opsional) satu login anggota kelompok. Dijalankan lagi: memperbarui skema yang lebih lama "
                    "sebagai peran pemilik, menambah login, memasang ulang hak.")
    init.add_argument("--owner-role", default=server_setup.DEFAULT_OWNER, metavar="NAMA",
                      help=f"peran pemilik tabel (bawaan {server_setup.DEFAULT_OWNER})")
    init.add_argument("--group-role", default=server_setup.DEFAULT_GROUP, metavar="NAMA",
                      help=f"peran kelompok pengguna aplikasi (bawaan {server_setup.DEFAULT_GROUP})")
    init.add_argument("--login", metavar="NAMA",
                      help="login PostgreSQL dan akun administrator Wawaran Desktop pertama (nama pengguna "
                           f"a–z, 0–9, _); kata sandi login baru dari {PASSWORD_ENV} atau ditanyakan. Akunnya "
                           "terhubung ke petugas aktif bernama --admin-name yang belum berakun, atau petugas baru "
                           "dengan nama itu. Login yang sudah ada: kata sandinya tidak diubah, tetapi akunnya "
                           "dipulihkan sebagai administrator aktif")
    init.add_argument("--admin-name", metavar="NAMA LENGKAP",
                      help="nama petugas (daftar petugas) untuk akun administrator --login; bawaan: nama login itu")
    init.add_argument("--admin-lane", default=FIRST_ADMIN_LANE, metavar="PERAN",
                      help="peran (pelaksana SOP) petugas baru untuk --admin-name bila belum ada di daftar "
                           f"(bawaan {FIRST_ADMIN_LANE})")
    move = sub.add_parser(
        "migrate-to", help="pindahkan berkas SQLite folder data ke server PostgreSQL, lalu periksa",
        description="Salin seluruh isi berkas SQLite folder data (semua tabel dengan id-nya, lampiran dan "
                    "logo kantor) ke basis data PostgreSQL, dalam satu transaksi, lalu bandingkan jumlah "
                    "baris dan checksum setiap tabel.")
    move.add_argument("url", metavar="URL", help="postgresql://server:port/nama_basis_data")
    move.add_argument("--replace", action="store_true",
                      help="server yang sudah berisi data: HAPUS semua isinya dulu, lalu salin")


def run(args: argparse.Namespace) -> int:
    try:
        return COMMANDS[args.command](args)
    except PasswordRequired:
        raise  # the caller says how to give it (cli.run)
    except (DatabaseError, server_setup.SetupError, transfer.TransferError, OSError) as exc:
        if isinstance(exc, transfer.TransferError) and getattr(exc, "result", None) is not None:
            print_checks(exc.result)
        print(f"galat: {exc}", file=sys.stderr)
        return 2


def cmd_init_server(args: argparse.Namespace) -> int:
    if not args.database:
        print("galat: init-server memerlukan --database postgresql://server:port/nama_basis_data "
              "(sebelum init-server), dengan akun administrator PostgreSQL.", file=sys.stderr)
        return 2
    if args.admin_name and not args.login:
        print("galat: --admin-name memerlukan --login NAMA (login administrator itu).", file=sys.stderr)
        return 2
    from wawaran_desktop.services.accounts import FirstAdmin  # argon2 and the SOP: not at start-up
    from wawaran_desktop.services.workspace import DEFAULT_SOP
    from wawaran_desktop.sop import load_sop

    sop = load_sop(paths.resource(DEFAULT_SOP))
    lanes = [lane.id for lane in sop.lanes]
    if args.admin_lane not in lanes:
        print(f"galat: Peran {args.admin_lane!r} tidak dikenal; pilih salah satu: {', '.join(lanes)}.", file=sys.stderr)
        return 2
    db, where = connect_postgres(args.database)
    try:
        result = server_setup.prepare_server(db, where, owner=args.owner_role, group=args.group_role,
                                             login=args.login, password=lambda: ask_password(args.login),
                                             admin=lambda con, login: first_admin(con, login, args, sop))
    finally:
        db.close()
    if result.schema_before == 0:
        print(f"Basis data {where} disiapkan: skema {result.schema_after}, {len(result.tables)} tabel.")
    elif result.schema_before < result.schema_after:
        print(f"Skema basis data {where} diperbarui dari versi {result.schema_before} ke {result.schema_after}.")
    else:
        print(f"Basis data {where} sudah pada skema {result.schema_after}: hak akses dipasang ulang.")
    made = set(result.roles_created)
    print(f"Peran pemilik tabel: {args.owner_role} (tanpa login){' — dibuat' if args.owner_role in made else ''}")
    print(f"Peran kelompok aplikasi: {args.group_role} (tanpa login){' — dibuat' if args.group_role in made else ''}; "
          f"riwayat ({', '.join(server_setup.HISTORY_TABLES)}) hanya baca dan tambah; "
          f"{', '.join(server_setup.KEPT_TABLES)} tidak dapat dihapus (riwayatnya ikut terhapus); akun hanya "
          "dibaca (tanpa password_hash) dan diubah lewat fungsi server wawaran_account_*")
    if result.login:
        print(f"Login {result.login}: anggota {args.group_role}"
              + (" — dibuat" if result.login_created else " (sudah ada; kata sandinya tidak diubah)"))
    admin = result.admin
    if isinstance(admin, FirstAdmin):
        person = f"{admin.account.name}{' (petugas baru)' if admin.staff_added else ''}"
        if admin.created:
            print(f"Akun administrator {admin.account.username} dibuat untuk {person}.")
        elif admin.restored:
            print(f"Akun {admin.account.username} ({person}) dipulihkan: {', '.join(admin.restored)}.")
        else:
            print(f"Akun {admin.account.username} ({person}) sudah administrator aktif.")
    print("Setiap orang masuk dengan login PostgreSQL-nya sendiri; akun baru dibuat administrator di aplikasi.")
    return 0


def first_admin(db: PostgresqlDatabase, login: str, args: argparse.Namespace, sop: Sop) -> FirstAdmin:
    """init-server's ``admin`` callback: the SOP registered and the login's administrator account,
    through the services (audited), on init-server's own connection (bound to the models for it)."""
    from wawaran_desktop.services import accounts
    from wawaran_desktop.services.errors import ServiceError

    from wawaran_desktop.services import sop_registry

    before = database.obj
    database.initialize(db)
    try:
        # The SOP this installation ships, registered now: on the server only an administrator
        # registers an SOP (its lanes are people's rights: db/server_guards.py).
        sop_registry.register(sop)
        return accounts.first_server_admin(login, args.admin_name, args.admin_lane, sop)
    except ServiceError as exc:
        raise server_setup.SetupError(f"{exc} Tidak ada yang diubah.") from None
    finally:
        database.initialize(before)


def ask_password(login: str) -> str:
    """A new login's password: from the environment, else asked twice on the terminal."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise server_setup.SetupError(f"Kata sandi login {login} tidak diberikan: isi variabel lingkungan "
                                      f"{PASSWORD_ENV}, atau jalankan di terminal agar ditanyakan.")
    first = getpass.getpass(f"Kata sandi untuk login {login}: ")
    if first != getpass.getpass("Ulangi kata sandi: "):
        raise server_setup.SetupError("Kedua kata sandi tidak sama. Tidak ada yang diubah.")
    return first


def cmd_migrate_to(args: argparse.Namespace) -> int:
    if args.database:
        print("galat: migrate-to memindahkan berkas folder data (--data-dir) ke URL yang disebut sesudahnya; "
              "jangan pakai --database bersamanya.", file=sys.stderr)
        return 2
    from wawaran_desktop.services.attachments import FOLDER, SERVER_MAX_BYTES
    from wawaran_desktop.services.office_profile import LOGO_FOLDER

    folder = paths.data_dir(args.data_dir)
    path = Path(folder) / paths.DB_FILENAME
    if not path.is_file() or path.stat().st_size == 0:
        print(f"galat: Berkas basis data {path} tidak ada atau kosong: tidak ada yang dipindahkan. "
              "Pilih folder data yang benar dengan --data-dir.", file=sys.stderr)
        return 2
    lock = folder_lock(Path(folder))
    if lock is None:
        print(f"galat: Wawaran Desktop sedang terbuka untuk folder data ini ({folder}): tutup dulu jendela itu, "
              "lalu ulangi migrate-to. Tidak ada yang dipindahkan.", file=sys.stderr)
        return 2
    try:
        target, where = connect_postgres(args.url)
        try:
            source = open_database(path)  # migrated to the application's schema, copied to backups/ first
            try:
                result = transfer.copy_database(source, target, where, data_dir=Path(folder),
                                                attachments_folder=FOLDER, logo_folder=LOGO_FOLDER,
                                                replace=args.replace, large_above=SERVER_MAX_BYTES,
                                                progress=lambda text: print(text, file=sys.stderr))
            finally:
                source.close()
        finally:
            target.close()
            close_database()
    finally:
        lock.unlock()
    print_checks(result)
    if result.replaced:
        print(f"Data lama di server dihapus (--replace): {sum(result.replaced.values())} baris di "
              f"{len(result.replaced)} tabel, termasuk {result.replaced.get('campaign', 0)} kampanye.")
    print(f"{result.files_copied} berkas (lampiran dan logo, {result.files_bytes / 1e6:.1f} MB) disimpan di server.")
    for name in result.files_missing:
        print(f"peringatan: berkas lampiran {name} tidak ada di folder data; catatannya tetap disalin.")
    for name, size in result.files_large:
        print(f"peringatan: lampiran {name} ({size / 1e6:.1f} MB) melebihi batas lampiran baru di server "
              f"({SERVER_MAX_BYTES // (1024 * 1024)} MB); tetap disalin.")
    for name in result.files_changed:
        print(f"peringatan: isi lampiran {name} berbeda dari checksum saat dilampirkan; disalin apa adanya.")
    print(f"Selesai dalam {result.seconds:.1f} dtk: {result.rows} baris, semua jumlah dan checksum sama. "
          f"Buka dengan: python main.py --database {strip_password(args.url)}")
    return 0


def folder_lock(folder: Path):
    """The data folder's lock, the one the window holds while it is open (``paths.LOCK_FILENAME``),
    taken so that no window opens on the folder while its file is copied; None when a window
    (or another migrate-to) holds it."""
    from PySide6.QtCore import QLockFile


    lock = QLockFile(str(folder / paths.LOCK_FILENAME))
    return lock if lock.tryLock(0) else None


def print_checks(result: transfer.TransferResult) -> None:
    """The table of each table's rows and checksums, file and server side by side."""
    print(f"{'tabel':<22} {'berkas':>8} {'server':>8}  {'checksum berkas':<16} {'checksum server':<16} hasil")
    for c in result.checks:
        print(f"{c.table:<22} {c.source_rows:>8} {c.target_rows:>8}  {c.source_sum[:16]:<16} "
              f"{c.target_sum[:16]:<16} {'sama' if c.equal else 'BERBEDA'}")
    if result.files_copied:
        print(f"(stored_file di kolom berkas: barisnya di berkas SQLite ditambah {result.files_copied} lampiran dan "
              "logo dari folder data)")
    moved = [f"{table} {largest}→{following}" for table, largest, following in result.sequences if largest]
    if moved:
        print("urutan id (id terbesar→id baris baru): " + ", ".join(moved))


COMMANDS = {"init-server": cmd_init_server, "migrate-to": cmd_migrate_to}
