"""Copies of the SQLite file that never look complete unless they are: the engine part of backups.

A copy is taken with SQLite's online backup API (a consistent snapshot: in WAL mode writers go
on meanwhile), into a temporary file beside the target (``<name>.partial``), switched to a
rollback journal (a copy is one file, no ``-wal`` to carry along), checked there (``PRAGMA
integrity_check``, the schema version, the application's tables, the campaigns counted), synced
to the disk, and only then renamed to its name, and the folder synced: a copy killed at any
moment leaves at most a ``.partial`` file, which listings ignore and :func:`clean_temporaries`
removes. The copy taken before a migration (:func:`wawaran_desktop.db.connection.backup_copy`)
goes the same way.

:func:`examine` reads a backup (or any file offered as one) without writing a byte to it, and
refuses what is damaged, not the application's, or newer than this version knows.

Rotation, listing, restore and messages about them are the services' (``services/backups.py``);
nothing here knows of the workspace.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from wawaran_desktop.db import faults
from wawaran_desktop.db.migrations import LATEST_VERSION
from wawaran_desktop.infra import private_files

#: The data folder's subfolder of copies (also the copies taken before a migration).
BACKUP_DIR = "backups"
#: The mark of a copy still being written (``<name>.partial``; SQLite may add ``-journal``).
PARTIAL = ".partial"
#: A ``.partial`` file older than this is a leftover of a killed copy (a real copy of even a big
#: file takes seconds): :func:`clean_temporaries` removes it. Younger ones may be another
#: process's copy in progress and are only ignored.
STALE_AFTER_SECONDS = 15 * 60
#: Pages copied per step when progress is reported (4 MiB of 4 KiB pages).
PAGES_PER_STEP = 1024
#: How many problems an integrity check reports at most.
PROBLEMS_SHOWN = 20

#: The tables every Wawaran database has from schema 1, and from schema 6 (the history's chain).
OWN_TABLES = frozenset({"staff", "sop_version", "campaign", "step", "step_event", "audit_entry"})
OWN_TABLES_6 = OWN_TABLES | {"history_link", "history_anchor"}

Progress = Callable[[int, int], None]


class BackupError(Exception):
    """A copy could not be written or read; ``str(exc)`` is for the user (Indonesian). Nothing
    that looks complete was left behind."""


class NotUsable(BackupError):
    """A file offered as a backup that cannot be used: ``reason`` is ``damaged``, ``foreign``,
    ``newer`` or ``empty``; ``problems`` what the integrity check found (SQLite's words, for a log)."""

    def __init__(self, message: str, reason: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.problems = list(problems or [])


@dataclass(frozen=True)
class Facts:
    """What a checked copy holds."""

    version: int
    campaigns: int
    size: int
    problems: list[str] = field(default_factory=list)


def is_partial(path: Path) -> bool:
    """A copy still being written, or left by a killed one (never a backup)."""
    return PARTIAL in path.name


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` read-only; ``immutable`` (no locks, no ``-wal``/``-shm`` made)
    unless a ``-wal`` exists beside it that must be read."""
    uri = path.absolute().as_uri() + "?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


def integrity_problems(con: sqlite3.Connection, full: bool = True) -> list[str]:
    """SQLite's ``integrity_check`` (``full``) or the faster ``quick_check`` (no index contents):
    the problems found, none when the file is whole."""
    pragma = "integrity_check" if full else "quick_check"
    rows = [r[0] for r in con.execute(f"PRAGMA {pragma}({PROBLEMS_SHOWN})").fetchall()]
    return [] if rows == ["ok"] else rows


def _facts(con: sqlite3.Connection, path: Path, full: bool, latest: int) -> Facts:
    """Check an open connection to ``path``: whole, the application's, not newer; its facts."""
    name = path.name
    try:
        problems = integrity_problems(con, full)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise NotUsable(f"Berkas {name} rusak atau bukan basis data SQLite.", "damaged", [str(exc)]) from None
        raise NotUsable(f"Berkas {name} rusak: tidak dapat dibaca sebagai basis data Wawaran.", "damaged",
                        [str(exc)]) from None
    if problems:
        raise NotUsable(f"Berkas {name} rusak: pemeriksaan keutuhan menemukan {len(problems)} masalah.",
                        "damaged", problems)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version > latest:
        raise NotUsable(f"Berkas {name} dibuat oleh versi Wawaran Desktop yang lebih baru (skema {version}; "
                        f"versi ini mengenal sampai skema {latest}): perbarui aplikasi dulu.", "newer")
    if version == 0 and not tables:
        raise NotUsable(f"Berkas {name} adalah basis data kosong, bukan cadangan Wawaran Desktop.", "empty")
    if not (OWN_TABLES_6 if version >= 6 else OWN_TABLES) <= tables:
        raise NotUsable(f"Berkas {name} adalah basis data SQLite lain, bukan milik Wawaran Desktop.", "foreign")
    campaigns = con.execute("SELECT COUNT(*) FROM campaign").fetchone()[0]
    return Facts(version=version, campaigns=campaigns, size=path.stat().st_size)


def examine(path: Path, *, full: bool = True, latest: int = LATEST_VERSION) -> Facts:
    """Check the file at ``path`` as a backup, reading it only: whole (``integrity_check``, or
    ``quick_check`` unless ``full``), the application's, at most schema ``latest``.
    :class:`NotUsable` (Indonesian, with the reason) otherwise; :class:`BackupError` when it
    cannot be read at all."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Berkas cadangan {path} tidak ada.")
    if path.stat().st_size == 0:
        raise NotUsable(f"Berkas {path.name} kosong (0 bita), bukan cadangan Wawaran Desktop.", "empty")
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"Berkas {path} tidak dapat dibuka: {_reason(exc)}") from None
    try:
        return _facts(con, path, full, latest)
    except sqlite3.DatabaseError as exc:  # "file is not a database", a page unreadable, …
        raise NotUsable(f"Berkas {path.name} rusak atau bukan basis data SQLite.", "damaged", [str(exc)]) from None
    finally:
        con.close()


def check_in_use(path: Path, *, full: bool) -> Facts:
    """The integrity check of the database file in use (``integrity_check``, or ``quick_check``
    unless ``full``), on a connection of its own (so it may run on a worker thread while the
    application reads and writes): ``problems`` empty when whole; its version and campaigns when
    readable. :class:`NotUsable` when it is not a SQLite file at all or another program's;
    :class:`BackupError` when it cannot be opened."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Basis data {path} tidak ada.")
    try:
        con = sqlite3.connect(path, timeout=5)
    except sqlite3.Error as exc:
        raise BackupError(f"Basis data {path} tidak dapat dibuka: {_reason(exc)}.") from None
    try:
        try:
            problems = integrity_problems(con, full)
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc):
                raise NotUsable(f"Berkas {path.name} bukan basis data SQLite (atau rusak di awalnya).", "damaged",
                                [str(exc)]) from None
            if not faults.is_damage(exc):  # locked by another program, an I/O error: not damage
                raise BackupError(f"Basis data {path} tidak dapat diperiksa sekarang: {_reason(exc)}.") from None
            problems = [str(exc)]
        version, campaigns = 0, -1
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not problems and version and not OWN_TABLES <= tables:
                raise NotUsable(f"Berkas {path.name} adalah basis data SQLite lain, bukan milik Wawaran Desktop.",
                                "foreign")
            campaigns = con.execute("SELECT COUNT(*) FROM campaign").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if not faults.is_damage(exc):
                raise BackupError(f"Basis data {path} tidak dapat diperiksa sekarang: {_reason(exc)}.") from None
            if not problems:
                problems = [str(exc)]
        return Facts(version=version, campaigns=campaigns, size=path.stat().st_size, problems=problems)
    finally:
        con.close()


def peek(path: Path) -> Facts:
    """A backup's schema version and campaign count, read without the integrity check (a listing
    of many copies stays quick); :class:`NotUsable` when it cannot be read as the application's."""
    path = Path(path)
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not OWN_TABLES <= tables:
                raise NotUsable(f"Berkas {path.name} bukan cadangan Wawaran Desktop.", "foreign")
            campaigns = con.execute("SELECT COUNT(*) FROM campaign").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise NotUsable(f"Berkas {path.name} rusak atau bukan basis data SQLite.", "damaged", [str(exc)]) from None
    if version > LATEST_VERSION:
        raise NotUsable(f"Berkas {path.name} dibuat oleh versi Wawaran Desktop yang lebih baru (skema {version}).",
                        "newer")
    return Facts(version=version, campaigns=campaigns, size=path.stat().st_size)


def write_copy(source: str | Path, target: Path, *, read_only_source: bool = False,
               progress: Progress | None = None, full_check: bool = True) -> Facts:
    """Copy the database ``source`` to ``target`` consistently, checked, never half-there.

    Written as ``<target>.partial`` (owner-only), checked (:func:`examine`'s checks on the copy),
    synced and renamed; the folder synced after. ``read_only_source``: ``source`` is opened
    read-only (a backup being copied elsewhere; nothing is written to it); otherwise it is the
    application's live file, read through an ordinary connection while others may write.
    ``progress(done, total)`` pages: the copy is then made in steps (SQLite restarts it when
    another connection writes meanwhile); without it, in one step. :class:`BackupError`
    (Indonesian) on any failure, the ``.partial`` file removed; an existing ``target`` is only
    ever replaced by a complete, checked copy.
    """
    source, target = Path(source), Path(target)
    folder = target.parent
    partial = _new_partial(target)
    try:
        facts = _copy_into(source, partial, read_only_source, progress, full_check)
        fsync_file(partial)
        os.replace(partial, target)
        fsync_folder(folder)
    except NotUsable as exc:
        _discard(partial)
        raise BackupError(f"Salinan basis data tidak lolos pemeriksaan dan tidak disimpan: {exc}") from None
    except BackupError:
        _discard(partial)
        raise
    except sqlite3.Error as exc:
        _discard(partial)
        raise BackupError(_sqlite_message(exc, source, folder)) from None
    except OSError as exc:
        _discard(partial)
        raise BackupError(_os_message(exc, folder)) from None
    except BaseException:
        _discard(partial)
        raise
    return Facts(version=facts.version, campaigns=facts.campaigns, size=target.stat().st_size)


def copy_backup_file(source: Path, target: Path) -> Facts:
    """A byte-for-byte copy of the backup file ``source`` (a single file, no ``-wal``) at ``target``,
    by the same road as :func:`write_copy`: the source checked first (:func:`examine`, it is only
    read), written as ``.partial``, the copy checked again, synced, renamed, the folder synced."""
    source, target = Path(source), Path(target)
    facts = examine(source)
    if Path(f"{source}-wal").exists():
        raise BackupError(f"{source.name} sedang dipakai sebagai basis data (ada -wal di sampingnya), bukan cadangan.")
    partial = _new_partial(target)
    try:
        with open(source, "rb") as reading, open(partial, "r+b") as writing:
            while chunk := reading.read(1024 * 1024):
                writing.write(chunk)
            writing.flush()
            os.fsync(writing.fileno())
        copied = examine(partial)
        if (copied.version, copied.campaigns, copied.size) != (facts.version, facts.campaigns, facts.size):
            raise BackupError(f"Salinan {target.name} tidak sama dengan {source.name}: diska tujuan bermasalah?")
        os.replace(partial, target)
        fsync_folder(target.parent)
    except NotUsable as exc:
        _discard(partial)
        raise BackupError(f"Salinan di {target.parent} rusak setelah ditulis (diska tujuan bermasalah?): {exc}") \
            from None
    except BackupError:
        _discard(partial)
        raise
    except OSError as exc:
        _discard(partial)
        raise BackupError(_os_message(exc, target.parent)) from None
    except BaseException:
        _discard(partial)
        raise
    return facts


def _new_partial(target: Path) -> Path:
    """``<target>.partial``, created owner-only and exclusively (a stale leftover of the same name
    removed first; a fresh one is another writer's: :class:`BackupError`)."""
    partial = target.with_name(target.name + PARTIAL)
    if partial.exists():
        try:
            stale = time.time() - partial.stat().st_mtime >= STALE_AFTER_SECONDS
            if stale:
                _discard(partial)
        except OSError:
            stale = False
        if not stale:
            raise BackupError(f"Cadangan {target.name} sedang ditulis oleh proses lain: tunggu sebentar, lalu ulangi.")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     private_files.PRIVATE_FILE)  # owner-only before SQLite writes into it
        os.close(fd)
    except FileExistsError:
        raise BackupError(f"Cadangan {target.name} sedang ditulis oleh proses lain: tunggu sebentar, lalu ulangi.") \
            from None
    except OSError as exc:
        raise BackupError(_os_message(exc, target.parent)) from None
    return partial


def _copy_into(source: Path, partial: Path, read_only: bool, progress: Progress | None, full: bool) -> Facts:
    if read_only:
        src = sqlite3.connect(read_only_uri(source), uri=True)
    else:
        src = sqlite3.connect(source, timeout=5)
    try:
        dst = sqlite3.connect(partial)
        try:
            if progress is None:
                src.backup(dst)
            else:
                src.backup(dst, pages=PAGES_PER_STEP, progress=lambda _s, remaining, total: progress(
                    total - remaining, total))
            # A copy of a WAL file says "WAL" in its header: make it one self-contained file.
            dst.execute("PRAGMA journal_mode=DELETE")
            return _facts(dst, partial, full, LATEST_VERSION)
        finally:
            dst.close()
    finally:
        src.close()


def clean_temporaries(folder: Path, *, stale_after: float = STALE_AFTER_SECONDS, now: float | None = None) -> list[Path]:
    """Remove the ``.partial`` files in ``folder`` left by copies killed at least ``stale_after``
    seconds ago (by modification time); returns them. Younger ones are left to their writer."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    now = time.time() if now is None else now
    for path in folder.iterdir():
        if not is_partial(path) or not path.is_file():
            continue
        try:
            if now - path.stat().st_mtime >= stale_after:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours: it is ignored anyway
    return removed


def release_for_replacement(path: Path) -> None:
    """Before the file at ``path`` is replaced (a restore), with the application's own connection
    closed: everything in its ``-wal`` written into the file and the ``-wal``/``-shm`` gone, so
    that no journal of the old file is ever applied to the new one. :class:`BackupError` when
    another program still has it open."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if path.exists() and wal.exists():
        con = sqlite3.connect(path, timeout=5)
        try:
            busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            busy = 1
        finally:
            con.close()  # the last connection: SQLite removes the -wal of a whole checkpoint
        if busy:
            raise BackupError("Basis data sedang dipakai program lain (jendela Wawaran Desktop atau perintah lain "
                              "di PC ini): tutup dulu, lalu ulangi. Tidak ada yang diubah.")
    if wal.exists() and wal.stat().st_size > 0:
        raise BackupError("Basis data sedang dipakai program lain (jendela Wawaran Desktop atau perintah lain di PC "
                          "ini): tutup dulu, lalu ulangi. Tidak ada yang diubah.")
    for companion in (wal, shm, Path(f"{path}-journal")):
        try:
            companion.unlink()
        except FileNotFoundError:
            pass


def fsync_folder(folder: Path) -> None:
    """Sync a folder's entries (a rename in it) to the disk; POSIX only (Windows cannot open a
    folder as a file, and NTFS journals its renames)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def _discard(partial: Path) -> None:
    for path in (partial, Path(f"{partial}-journal")):
        try:
            path.unlink()
        except OSError:
            pass


def _reason(exc: BaseException) -> str:
    """A short Indonesian reason for a failure to open or read (SQLite's words kept out)."""
    text = str(exc).lower()
    if "disk is full" in text or "no space" in text:
        return "ruang disk penuh"
    if "readonly" in text or "permission" in text or "access" in text:
        return "tidak ada izin membaca atau menulis"
    if "locked" in text or "busy" in text:
        return "sedang dikunci oleh program lain"
    if "unable to open" in text:
        return "tidak dapat dibuka"
    return "galat berkas"


def _sqlite_message(exc: sqlite3.Error, source: Path, folder: Path) -> str:
    reason = _reason(exc)
    if reason == "ruang disk penuh":
        return (f"Ruang disk tidak cukup untuk menulis cadangan di {folder}: kosongkan ruang disk (atau pilih "
                "folder lain), lalu ulangi. Salinan yang belum selesai sudah dihapus.")
    if reason == "sedang dikunci oleh program lain":
        return f"Basis data {source.name} sedang dikunci oleh program lain: tunggu sebentar, lalu ulangi."
    return (f"Cadangan tidak dapat dibuat dari {source} ke {folder} ({reason}). Salinan yang belum selesai "
            "sudah dihapus.")


def _os_message(exc: OSError, folder: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return (f"Ruang disk tidak cukup untuk menulis cadangan di {folder}: kosongkan ruang disk (atau pilih "
                "folder lain), lalu ulangi. Salinan yang belum selesai sudah dihapus.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"Tidak ada izin menulis di {folder}: pilih folder lain atau periksa izinnya. Salinan yang "
                "belum selesai sudah dihapus.")
    if exc.errno == errno.ENOENT:
        return f"Folder {folder} tidak ada (diska lepas?): pilih folder lain, lalu ulangi."
    return f"Cadangan tidak dapat ditulis di {folder} ({exc.strerror or 'galat berkas'}): pilih folder lain, lalu ulangi."
