"""Open (and, when needed, migrate) the application's database: its SQLite file, or a
PostgreSQL database on an office server given by URL (:func:`open_database_url`).

Order matters: the file is first inspected read-only, so a file that is not SQLite, is
not ours, or was written by a newer version is refused *before* anything (not even the
WAL switch) touches it. An older file is copied to ``backups/`` before it is migrated.

The file is the user's own (:mod:`wawaran_desktop.infra.private_files`): on POSIX a new database
is created ``0600`` before SQLite opens it, so SQLite gives its ``-wal``/``-shm`` the same
permissions; an existing one and its companions are tightened at opening; ``backups/`` is
``0700`` and each copy in it ``0600``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from peewee import Database, PeeweeException, PostgresqlDatabase, SqliteDatabase

from wawaran_desktop.db import backup, dialect, faults
from wawaran_desktop.db.migrations import LATEST_VERSION, apply_migrations
from wawaran_desktop.db.models import database
from wawaran_desktop.db.postgres import load_driver, may_migrate
from wawaran_desktop.db.sqlite import SqliteFile
from wawaran_desktop.db.urls import strip_password
from wawaran_desktop.infra import private_files

BACKUP_DIR = backup.BACKUP_DIR
#: The files SQLite keeps beside a database (each made with the database file's permissions).
COMPANIONS = ("-wal", "-shm", "-journal")

#: SQLite's ``PRAGMA synchronous`` for the file (issue 16: nothing acknowledged is lost, power cuts
#: included). In WAL mode ``NORMAL`` syncs the WAL only at checkpoints, and SQLite's documentation
#: says a transaction committed that way "might roll back following a power loss or system crash"
#: (an application crash alone loses nothing): the save the window already reported as stored
#: could be gone after an office PC's power cut. ``FULL`` adds one sync of the WAL at every commit,
#: so a committed transaction is on the disk before the save returns. It costs that one fsync per
#: save (``bench/save_latency.py`` measures it; the README's Benchmarks section has the figures);
#: readers and the WAL's concurrency are unchanged. (``EXTRA`` adds nothing in WAL mode: its extra
#: sync is of the folder after a rollback journal is deleted.)
SYNCHRONOUS = "full"

#: Asked when a PostgreSQL server wants a password that the URL (or libpq's PGPASSWORD and
#: password file) did not give: ``password_hook(url, refused)`` with ``refused`` True when a
#: password was given and refused; returns the password to try next, or None to give up.
#: Set around an opening by infra/credentials.py's ``PasswordSource``; None: nobody to ask.
password_hook: Callable[[str, bool], str | None] | None = None


class DatabaseError(Exception):
    """The database cannot be opened; ``str(exc)`` is a message for the user (Indonesian)."""


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseDamaged(DatabaseError):
    pass


class DatabaseUnavailable(DatabaseError):
    """The file cannot be read now (locked by another program, an I/O error): not damaged, not
    changed, never restored over; ``str(exc)`` says what to do."""


class DatabaseReadOnly(DatabaseError):
    pass


class DatabaseOutdated(DatabaseError):
    """A server's schema is older than the application's and the signed-in role may not upgrade it."""


def inspect_version(path: Path) -> int:
    """Schema version of an existing file, read without writing anything to it.

    Raises :class:`DatabaseDamaged` for a file that is not a (Wawaran) SQLite database.
    """
    # absolute(), not resolve(): on Windows resolve() turns a mapped drive into a UNC path,
    # whose file://server/... URI SQLite refuses.
    uri = path.absolute().as_uri() + "?mode=ro"
    if not Path(f"{path}-wal").exists():
        # Nothing to recover: "immutable" keeps SQLite from creating -wal/-shm files
        # beside a file we may be about to refuse.
        uri += "&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if not faults.is_damage(exc):  # locked by another program, an I/O error: not damaged
            told = faults.describe(exc) or "Tutup program lain yang memakainya, lalu coba lagi."
            raise DatabaseUnavailable(f"Basis data {path} tidak dapat dibaca sekarang. {told} Berkas tidak diubah.") \
                from None
        raise DatabaseDamaged(
            f"Berkas basis data {path} rusak atau bukan basis data SQLite. "
            "Berkas tidak diubah. Pulihkan cadangan baik terbaru (python main.py restore BERKAS; daftarnya: "
            "python main.py backup --list) atau pindahkan berkas ini agar aplikasi membuat basis data baru."
        ) from None
    # Version 0 with tables, or a version without the tables every Wawaran schema has (another
    # program's file that also sets user_version): not ours, refused before anything is written.
    own = backup.OWN_TABLES_6 if version >= 6 else backup.OWN_TABLES
    if (version == 0 and tables) or (0 < version <= LATEST_VERSION and not own <= tables):
        raise DatabaseDamaged(
            f"Berkas {path} adalah basis data SQLite lain, bukan milik Wawaran Desktop. "
            "Berkas tidak diubah."
        )
    return version


def backup_copy(path: Path, version: int) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before a migration.

    Written under a temporary name, checked and then renamed (:func:`.backup.write_copy`), so a
    start killed during the copy leaves no complete-looking but empty copy beside the real file.
    :class:`DatabaseError` (Indonesian) when it cannot be made: the file is then not migrated.
    """
    folder = private_files.private_dir(path.parent / BACKUP_DIR)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup.clean_temporaries(folder)
    target = folder / f"{path.stem}-v{version}-{stamp}{path.suffix}"
    n = 2
    while target.exists() or target.with_name(target.name + backup.PARTIAL).exists():  # (a start killed this second)
        target = folder / f"{path.stem}-v{version}-{stamp}-{n}{path.suffix}"
        n += 1
    try:
        backup.write_copy(path, target)
    except backup.BackupError as exc:
        raise DatabaseError(f"Salinan sebelum pembaruan skema tidak dapat dibuat, jadi basis data {path} tidak "
                            f"diperbarui dan tidak diubah. {exc}") from None
    return target


def open_database(path: str | Path) -> SqliteDatabase:
    """Open ``path`` (created if missing), migrate it to the latest schema and bind the models.

    Raises :class:`DatabaseError` (with an Indonesian message) and leaves the file untouched
    when it is damaged, foreign or newer than this version of the application knows.
    """
    path = Path(path)
    version = 0
    if (path.exists() and not os.access(path, os.W_OK)) or not os.access(path.parent, os.W_OK):
        raise DatabaseReadOnly(
            f"Basis data {path} atau foldernya hanya dapat dibaca (read-only). Wawaran Desktop perlu "
            "menyimpan data di sana: periksa izin folder, atau pilih folder lain dengan --data-dir. "
            "Berkas tidak diubah.")
    if path.exists() and path.stat().st_size > 0:
        version = inspect_version(path)
        if version > LATEST_VERSION:
            raise DatabaseTooNew(
                f"Basis data {path} dibuat oleh versi Wawaran Desktop yang lebih baru "
                f"(skema {version}, versi ini hanya mengenal sampai skema {LATEST_VERSION}). "
                "Perbarui aplikasi. Berkas tidak diubah."
            )
        if 0 < version < LATEST_VERSION:
            backup_copy(path, version)
    _make_private(path)
    db = SqliteFile(
        str(path),
        pragmas={"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000, "synchronous": SYNCHRONOUS},
        # Take the write lock when a transaction begins: a deferred transaction that reads
        # first fails at once with "database is locked" instead of waiting busy_timeout.
        lock_type="IMMEDIATE",
    )
    try:
        db.connect()
        apply_migrations(db)
    except (sqlite3.Error, PeeweeException) as exc:
        db.close()
        if "readonly" in str(exc).lower():
            raise DatabaseReadOnly(
                f"Basis data {path} hanya dapat dibaca (read-only). Periksa izin folder data, "
                "atau pilih folder lain dengan --data-dir. Berkas tidak diubah.") from None
        told = faults.describe(exc) or ("Periksa keutuhannya dengan python main.py check; pulihkan cadangan baik "
                                        "terbaru bila rusak.")
        problem = DatabaseDamaged if faults.is_damage(exc) else DatabaseUnavailable
        raise problem(f"Basis data {path} tidak dapat dibuka atau diperbarui. {told}") from None
    database.initialize(db)
    return db


def _make_private(path: Path) -> None:
    """The database file owner-only before SQLite opens it: a new one created empty ``0600`` (SQLite
    takes an empty file for a new database, and makes its ``-wal``/``-shm`` with the file's
    permissions), an existing one and its companions tightened."""
    if not path.exists():
        try:
            private_files.create_private_file(path)
        except OSError:
            return  # SQLite's own opening says what is wrong
    private_files.tighten(path)
    for suffix in COMPANIONS:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            private_files.tighten(companion)


#: The URL schemes of a PostgreSQL server (``postgresql://host:port/dbname``).
POSTGRES_SCHEMES = ("postgresql", "postgres")


def open_database_url(url: str) -> Database:
    """Open the database at ``url``, migrate it to the latest schema and bind the models.

    ``sqlite:///path/to/file`` is the file of :func:`open_database`;
    ``postgresql://[user[:password]@]host[:port]/dbname[?option=value…]`` a PostgreSQL database
    (14 or newer) on a server, its options (e.g. ``sslmode``) given to libpq as they are. A
    database made by a newer version, or holding someone else's tables, is refused untouched;
    so is an older one that the signed-in role may not upgrade (prepared by ``init-server``: only
    its owner role may, through ``init-server`` again).
    """
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return open_database(unquote(parts.path[1:] if parts.path.startswith("//") else parts.path))
    db, where = connect_postgres(url)
    try:
        version = dialect.schema_version(db)
        if version > LATEST_VERSION:
            raise DatabaseTooNew(
                f"Basis data {where} dibuat oleh versi Wawaran Desktop yang lebih baru "
                f"(skema {version}, versi ini hanya mengenal sampai skema {LATEST_VERSION}). "
                "Perbarui aplikasi. Basis data tidak diubah.")
        if version == 0 and db.get_tables():
            raise DatabaseDamaged(
                f"Basis data {where} berisi tabel lain, bukan milik Wawaran Desktop. "
                "Basis data tidak diubah: pilih basis data yang kosong.")
        if version < LATEST_VERSION and not may_migrate(db):
            raise DatabaseOutdated(
                f"Skema server {where} versi {version}, aplikasi versi {LATEST_VERSION}: akun ini tidak "
                "berhak memperbarui skema. Minta administrator menjalankan "
                "'python main.py --database URL init-server' (memperbarui skema sebagai pemilik tabel). "
                "Basis data tidak diubah.")
        apply_migrations(db)
    except DatabaseError:
        db.close()
        raise
    except PeeweeException as exc:
        db.close()
        raise DatabaseDamaged(f"Basis data {where} tidak dapat dibuka atau diperbarui: {exc}") from None
    database.initialize(db)
    return db


def connect_postgres(url: str) -> tuple[PostgresqlDatabase, str]:
    """Connect to the PostgreSQL database at ``url`` without migrating or binding anything;
    returns it and where it is (``host:port/dbname``, for messages). :class:`DatabaseError`
    (Indonesian) for a URL that is not PostgreSQL's or a server that cannot be reached."""
    parts = urlsplit(url)
    if parts.scheme not in POSTGRES_SCHEMES:
        raise DatabaseError(f"Alamat basis data tidak dikenal: {strip_password(url)!r}. Gunakan sqlite:///berkas "
                            "atau postgresql://server:port/nama_basis_data.")
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise DatabaseError(f"Alamat basis data {strip_password(url)!r} tidak menyebut nama basis data "
                            "(postgresql://server:port/nama_basis_data).")
    where = f"{parts.hostname or 'localhost'}:{parts.port or 5432}/{name}"
    params: dict[str, object] = dict(parse_qsl(parts.query))
    for key, value in (("host", parts.hostname), ("port", parts.port),
                       ("user", parts.username and unquote(parts.username)),
                       ("password", parts.password and unquote(parts.password))):
        if value:
            params[key] = value
    try:
        load_driver()
    except ImportError:
        raise DatabaseError("Modul psycopg (pengakses PostgreSQL) tidak terpasang: "
                            'pasang dengan pip install "psycopg[binary]".') from None
    db = PostgresqlDatabase(name, **params)
    while True:
        try:
            db.connect()
            break
        except PeeweeException as exc:
            if not password_wanted(exc):
                raise DatabaseError(f"Tidak dapat terhubung ke basis data {where}: {str(exc).strip()}") from None
            refused = bool(params.get("password"))
            answer = password_hook(url, refused) if password_hook is not None else None
            if answer is None:
                raise PasswordRequired(
                    (f"Kata sandi pengguna {params.get('user') or 'ini'} ditolak oleh server {where}." if refused
                     else f"Server {where} meminta kata sandi untuk pengguna {params.get('user') or 'ini'}.")
                    + " Basis data tidak dibuka.") from None
            params["password"] = answer
            db = PostgresqlDatabase(name, **params)
    return db, where


class PasswordRequired(DatabaseError):
    """The server wants a password and none was given, or the one given was refused."""


def password_wanted(exc: BaseException) -> bool:
    """Whether a failed connection failed for want of the right password (libpq's "no password
    supplied", the server's "password authentication failed", SQLSTATE 28P01)."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(exc)
    return (getattr(cause, "sqlstate", None) == "28P01" or "no password supplied" in text
            or "password authentication failed" in text)


def close_database() -> None:
    """Close the bound database (if any)."""
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
