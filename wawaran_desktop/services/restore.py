"""Restoring a backup of a PC's database (single-PC mode).

A restore (:func:`restore_into`; ``ws.backups.restore`` in an open workspace) checks the backup
first — whole, the application's, not newer — and refuses it with nothing changed; makes a checked
copy of it beside the file in use, opens it (a backup of an older schema is migrated as any older
file is) and appends an audit entry ``restore`` to its history, with the chain's head anchored, so
the chain of the restored file stays verifiable and says that it was restored, when, from which
copy and by whom; only then sets the file in use aside as a backup of its own and renames the copy
into its place. A restore killed at any moment leaves the file in use as it was, or the restored
file with its record. It also serves when the file in use cannot even be opened (damaged).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wawaran_desktop import paths
from wawaran_desktop.db import backup as engine
from wawaran_desktop.db import faults
from wawaran_desktop.db import history_chain
from wawaran_desktop.db.connection import DatabaseError, close_database, open_database
from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Account, Staff, database
from wawaran_desktop.services.backup_files import (
    BEFORE_RESTORE,
    DAMAGED,
    MANUAL,
    STEM,
    SUFFIX,
    BackupEntry,
    BackupFailed,
    backup_folder,
    discard,
    free_name,
    parse_name,
    private_folder,
)
from wawaran_desktop.services.clock import Clock, to_db
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.text import formatting as fmt

#: A restore's copy of the backup, beside the file in use until it replaces it.
RESTORING = f"{STEM}-pemulihan{SUFFIX}"


class RestoreRefused(ServiceError):
    """The file offered is not a backup that may be restored (damaged, another program's, newer);
    nothing was changed."""


@dataclass(frozen=True)
class Who:
    """The person a restore is done by, as the file in use knows them (found again in the restored file)."""

    name: str
    nip: str | None
    username: str | None


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupEntry
    set_aside: Path | None  # the file that was in use, now in backups/ (None: there was none)
    version: int  # the restored file's schema version before opening (older ones were migrated)
    campaigns: int
    message: str  # Indonesian, for the person


def restore_into(data_dir: Path, backup: Path, clock: Clock, who: Who | None) -> RestoreResult:
    """Restore ``backup`` as ``data_dir``'s database, with no database bound (the caller closed
    it; this also serves when the file in use cannot be opened at all). On return the restored
    file is open and bound, its history holding the audit entry of the restore. :class:`RestoreRefused`
    (nothing changed) for a backup that may not be restored; :class:`BackupFailed` when it could
    not be done (the file in use is then unchanged, or, if it was already set aside, put back)."""
    data_dir, backup = Path(data_dir), Path(backup)
    db_path = data_dir / paths.DB_FILENAME
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise RestoreRefused("Berkas itu adalah basis data yang sedang dipakai, bukan cadangan. Tidak ada yang diubah.")
    try:
        facts = engine.examine(backup)
    except engine.NotUsable as exc:
        raise RestoreRefused(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah. Pilih cadangan "
                             "lain (yang terbaru yang baik).") from None
    except engine.BackupError as exc:
        raise RestoreRefused(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.") from None
    parsed = parse_name(backup)
    kind, at = parsed if parsed else (MANUAL, datetime.fromtimestamp(backup.stat().st_mtime, UTC))
    restored = BackupEntry(backup, kind, at, facts.size, facts.version, facts.campaigns)

    folder = private_folder(backup_folder(data_dir))
    restoring = data_dir / RESTORING
    for suffix in ("", engine.PARTIAL, f"{engine.PARTIAL}-journal", "-wal", "-shm"):
        discard(Path(f"{restoring}{suffix}"))  # a restore killed before its end left it: never in use
    try:
        engine.write_copy(backup, restoring, read_only_source=True)
    except engine.BackupError as exc:
        raise BackupFailed(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.") from None

    # The restore is recorded in the copy before the copy takes the file's place: a restore killed at
    # any moment leaves either the file in use as it was, or the restored file with its audit entry.
    aside, damaged = _plan_aside(db_path, folder, clock().astimezone(UTC).replace(microsecond=0))
    try:
        open_database(restoring)  # an older schema is migrated here, as any older file
        try:
            message = _record(restored, aside, clock, who)
        finally:
            close_database()
        engine.release_for_replacement(restoring)
    except (DatabaseError, engine.BackupError) as exc:
        discard(restoring)
        raise BackupFailed(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.") from None
    try:
        aside = _set_aside(db_path, aside, damaged)
        restoring.replace(db_path)  # one step: the file in use, or the restored one, is always there
        engine.fsync_folder(data_dir)
    except engine.BackupError as exc:
        discard(restoring)
        raise BackupFailed(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.") from None
    except OSError as exc:
        discard(restoring)
        raise BackupFailed(f"Cadangan tidak dipulihkan: berkas tidak dapat ditulis di {data_dir} "
                           f"({faults.describe(exc) or 'periksa izin dan ruang disk'}). Basis data sekarang "
                           "tidak diubah.") from None
    try:
        open_database(db_path)
    except DatabaseError as exc:
        kept = f" Basis data sebelumnya tersimpan sebagai {aside}." if aside else ""
        raise BackupFailed(f"Cadangan {backup.name} sudah dipasang tetapi tidak dapat dibuka: {exc}{kept}") from None
    return RestoreResult(restored, aside, facts.version, facts.campaigns, message)


def _plan_aside(db_path: Path, folder: Path, at: datetime) -> tuple[Path | None, bool]:
    """Where the file in use will be kept (None: there is none) and whether it is damaged (then it
    is moved there as it is, under a ``-rusak`` name)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None, False
    try:
        damaged = bool(engine.check_in_use(db_path, full=False).problems)
    except engine.NotUsable:  # not readable as SQLite at all, or another program's
        damaged = True
    except engine.BackupError as exc:  # locked by another program, an I/O error: not damage
        raise BackupFailed(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.") from None
    target = free_name(folder, BEFORE_RESTORE, at)
    if damaged:
        target = target.with_name(target.stem + DAMAGED + target.suffix)
    return target, damaged


def _set_aside(db_path: Path, target: Path | None, damaged: bool) -> Path | None:
    """The file in use kept at ``target`` in ``backups/`` as a backup of its own, before it is
    replaced; returns where it went. Whole: a checked copy (its ``-wal`` then checkpointed and
    removed). Damaged (also when only the copy's full check finds it): copied there as it is, with
    its ``-wal``, under a ``-rusak`` name, never moved, so the folder always holds a database file;
    its ``-wal``/``-shm`` are then removed, never to be applied to the restored file. Anything else
    that stops the copy (a full disk, a lock) refuses the restore (:class:`engine.BackupError`)."""
    if target is None:
        return None
    if not damaged:
        try:
            engine.write_copy(db_path, target)
        except engine.NotUsable:
            damaged = True
            target = target.with_name(target.stem + DAMAGED + target.suffix)
        else:
            engine.release_for_replacement(db_path)
            return target
    try:
        for suffix in ("", "-wal", "-journal"):
            source = Path(f"{db_path}{suffix}")
            if source.exists():
                shutil.copyfile(source, Path(f"{target}{suffix}"))
                engine.fsync_file(Path(f"{target}{suffix}"))
        engine.fsync_folder(target.parent)
    except OSError as exc:
        for suffix in ("", "-wal", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise engine.BackupError(f"berkas yang rusak tidak dapat disimpan di {target.parent} "
                                 f"({faults.describe(exc) or 'periksa izin dan ruang disk'})") from None
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    return target


def _record(restored: BackupEntry, aside: Path | None, clock: Clock, who: Who | None) -> str:
    """The restore's audit entry in the restored file (as the person, found there again); its message."""
    person = _find_person(who)
    by = f"{who.name} ({who.username})" if who and who.username else (who.name if who else "tanpa masuk")
    before = f"basis data sebelumnya disimpan sebagai {engine.BACKUP_DIR}/{aside.name}" if aside else \
        "belum ada basis data sebelumnya"
    detail = (f"Dipulihkan dari cadangan {restored.name} ({restored.when_text}, "
              f"{fmt.thousands(restored.campaigns or 0)} kampanye); {before}; oleh {by}.")
    at = to_db(clock())
    record_audit(at=at, actor=person, action="restore", detail=detail)
    with write_transaction(history_chain.LOCK_KEY):  # the head kept outside the chain as well
        last = history_chain.head(database)
        if last is not None:
            history_chain.insert_anchor(database, at, last.position, last.digest, "restore")
    kept = f" Basis data sebelumnya disimpan sebagai cadangan {aside.name}." if aside else ""
    return (f"Cadangan {restored.when_text} ({restored.campaigns_text}) dipulihkan.{kept} Pemulihan ini tercatat di "
            "riwayat.")


def _find_person(who: Who | None) -> int | None:
    """The restoring person's staff id in the restored file: by account, then NIP, then name."""
    if who is None:
        return None
    if who.username:
        row = Account.select(Account.staff).where(Account.username == who.username).first()
        if row is not None and (who.nip is None or row.staff.nip == who.nip):
            return row.staff_id
    if who.nip:
        row = Staff.get_or_none(Staff.nip == who.nip)
        if row is not None:
            return row.id
    row = Staff.get_or_none(Staff.name == who.name)
    return row.id if row is not None else None
