"""Backup files of a PC's database: their names, what they hold, listing, rotation, copies.

Every copy lies in the data folder's ``backups/`` and is written by :mod:`wawaran_desktop.db.backup`
(SQLite's online backup API, a temporary name, checked, renamed: never half there). Its name says
what it is and when it was taken (UTC, so a copy moved between PCs keeps its moment; shown in
WIB by :mod:`wawaran_desktop.text.formatting`):

* ``wawaran-otomatis-20261126T010000Z.sqlite3``: automatic, kept by the office's rotation
  (:class:`Rotation`, :func:`kept_by_rotation`);
* ``wawaran-manual-…``: made on request (``main.py backup``, the window's menu), kept;
* ``wawaran-sebelum-pemulihan-…``: the file in use set aside before a restore, kept
  (``…-rusak.sqlite3``: a damaged file moved aside as it was, with its ``-wal``);
* ``wawaran-v7-…``: the copy taken before a migration (``db/connection.py``), kept.

The service over them is :mod:`.backups`; restoring one is :mod:`.restore`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from wawaran_desktop import paths
from wawaran_desktop.db import backup as engine
from wawaran_desktop.services.clock import wib_date
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.text import formatting as fmt

AUTO, MANUAL, BEFORE_RESTORE, BEFORE_MIGRATION = "otomatis", "manual", "sebelum-pemulihan", "sebelum-pembaruan"
KIND_LABELS = {AUTO: "Otomatis", MANUAL: "Manual", BEFORE_RESTORE: "Sebelum pemulihan",
               BEFORE_MIGRATION: "Sebelum pembaruan skema"}
STEM = Path(paths.DB_FILENAME).stem
SUFFIX = Path(paths.DB_FILENAME).suffix
_NAME = re.compile(rf"^{STEM}-({AUTO}|{MANUAL}|{BEFORE_RESTORE})-(\d{{8}}T\d{{6}}Z)(?:-(\d+))?(-rusak)?"
                   rf"{re.escape(SUFFIX)}$")
#: The end of the name of a damaged file set aside as it was before a restore.
DAMAGED = "-rusak"
_MIGRATION_NAME = re.compile(rf"^{STEM}(?:-pemulihan)?-v(\d+)-(\d{{8}}T\d{{6}}Z)(?:-\d+)?{re.escape(SUFFIX)}$")
_STAMP = "%Y%m%dT%H%M%SZ"


class BackupFailed(ServiceError):
    """A backup, copy or restore could not be done; ``str(exc)`` says why and what to do."""


@dataclass(frozen=True)
class Rotation:
    """How many automatic backups are kept: the newest of each of the last ``daily`` WIB days,
    ``weekly`` ISO weeks and ``monthly`` months that have one."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def text(self) -> str:
        return f"{self.daily} harian, {self.weekly} mingguan, {self.monthly} bulanan"


@dataclass(frozen=True)
class BackupEntry:
    """One backup in ``backups/``: what its name says and, when read, what it holds."""

    path: Path
    kind: str
    at: datetime  # aware UTC, from the name
    size: int
    version: int | None = None  # None: not read (or unreadable: ``problem`` says why)
    campaigns: int | None = None
    problem: str = ""  # why it cannot be restored (damaged, foreign, newer), empty when fine or unread

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def kind_text(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def when_text(self) -> str:
        """``26 November 2026 pukul 08.00 WIB``."""
        return fmt.date_time(self.at)

    @property
    def size_text(self) -> str:
        return size_text(self.size)

    @property
    def campaigns_text(self) -> str:
        return "?" if self.campaigns is None else f"{fmt.thousands(self.campaigns)} kampanye"

    @property
    def usable(self) -> bool:
        return not self.problem


def size_text(size: int) -> str:
    """``245 KB``, ``1,2 MB``."""
    if size < 1024 * 1024:
        return f"{fmt.thousands(max(1, round(size / 1024)))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def parse_name(path: Path) -> tuple[str, datetime] | None:
    """(kind, aware UTC moment) of a backup's file name; None for any other file."""
    if engine.is_partial(path):
        return None
    match = _NAME.match(path.name)
    if match:
        return match[1], datetime.strptime(match[2], _STAMP).replace(tzinfo=UTC)
    match = _MIGRATION_NAME.match(path.name)
    if match:
        return BEFORE_MIGRATION, datetime.strptime(match[2], _STAMP).replace(tzinfo=UTC)
    return None


def _number(path: Path) -> int:
    """The ``-2``, ``-3`` … of a backup taken in the same second as another (1 for the first)."""
    match = _NAME.match(path.name)
    return int(match[3]) if match and match[3] else 1


def backup_folder(data_dir: Path) -> Path:
    return Path(data_dir) / engine.BACKUP_DIR


def list_backups(data_dir: Path, *, read: bool = True, check: bool = False) -> list[BackupEntry]:
    """The backups of ``data_dir``, newest first; ``.partial`` leftovers and other files ignored.

    ``read``: each opened read-only for its schema version and campaign count; ``check``: also its
    ``quick_check`` (a damaged copy then carries its ``problem``)."""
    folder = backup_folder(data_dir)
    entries = []
    if folder.is_dir():
        for path in folder.iterdir():
            parsed = parse_name(path)
            if parsed is None or not path.is_file():
                continue
            entries.append(_entry(path, *parsed, read=read, check=check))
    entries.sort(key=lambda e: (e.at, _number(e.path)), reverse=True)
    return entries


def _entry(path: Path, kind: str, at: datetime, *, read: bool, check: bool) -> BackupEntry:
    size = path.stat().st_size
    if path.stem.endswith(DAMAGED):
        return BackupEntry(path, kind, at, size, problem=f"Berkas {path.name} adalah basis data rusak yang disimpan apa "
                           "adanya sebelum pemulihan, bukan cadangan yang baik.")
    if not read:
        return BackupEntry(path, kind, at, size)
    try:
        facts = engine.examine(path, full=False) if check else _read_facts(path)
    except engine.BackupError as exc:
        return BackupEntry(path, kind, at, size, problem=str(exc))
    return BackupEntry(path, kind, at, size, facts.version, facts.campaigns)


def _read_facts(path: Path) -> engine.Facts:
    """Version and campaigns without the integrity check (listing many copies stays quick)."""
    return engine.peek(path)


def kept_by_rotation(entries: list[BackupEntry], rotation: Rotation) -> set[Path]:
    """The automatic backups ``rotation`` keeps: for each of daily (WIB date), weekly (ISO week of
    the WIB date) and monthly buckets, the newest backup of each of the most recent buckets that
    have one, up to the count. (The same rule as restic's and borg's ``--keep-daily`` etc.)"""
    autos = sorted((e for e in entries if e.kind == AUTO), key=lambda e: e.at, reverse=True)
    keys: list[tuple[int, Callable[[BackupEntry], object]]] = [
        (rotation.daily, lambda e: wib_date(e.at)),
        (rotation.weekly, lambda e: wib_date(e.at).isocalendar()[:2]),
        (rotation.monthly, lambda e: (wib_date(e.at).year, wib_date(e.at).month)),
    ]
    kept: set[Path] = set()
    for count, bucket in keys:
        seen: list[object] = []
        for entry in autos:
            if len(seen) >= count:
                break
            key = bucket(entry)
            if key not in seen:
                seen.append(key)
                kept.add(entry.path)
    return kept


def newest_good(data_dir: Path) -> BackupEntry | None:
    """The newest backup of ``data_dir`` that passes the full check (as a restore will) and this
    version can open."""
    for entry in list_backups(data_dir, read=False):
        try:
            facts = engine.examine(entry.path, full=True)
        except engine.BackupError:
            continue
        return BackupEntry(entry.path, entry.kind, entry.at, entry.size, facts.version, facts.campaigns)
    return None


def copy_backup(backup: Path, folder: Path) -> Path:
    """A checked copy of ``backup`` in ``folder`` under the same name (never half there)."""
    backup, folder = Path(backup), Path(folder)
    if not folder.is_dir():
        raise BackupFailed(f"Folder tujuan {folder} tidak ada: pilih folder lain (atau pasang diska USB-nya).")
    target = folder / backup.name
    if target.resolve() == backup.resolve():
        raise BackupFailed(f"{backup.name} sudah ada di folder {folder}: pilih folder lain.")
    try:
        engine.copy_backup_file(backup, target)
    except engine.BackupError as exc:
        raise BackupFailed(f"Salinan tidak dibuat: {exc}") from None
    return target


def private_folder(folder: Path) -> Path:
    from wawaran_desktop.infra import private_files

    try:
        return private_files.private_dir(folder)
    except OSError as exc:
        raise BackupFailed(f"Folder cadangan {folder} tidak dapat dibuat ({exc.strerror}): periksa izin folder "
                           "data.") from None


def free_name(folder: Path, kind: str, at: datetime) -> Path:
    """``wawaran-<kind>-<UTC stamp>.sqlite3``, numbered ``-2``, ``-3``… when taken in the same second."""
    stamp = f"{at.astimezone(UTC):{_STAMP}}"
    target = folder / f"{STEM}-{kind}-{stamp}{SUFFIX}"
    n = 2
    while any(p.exists() for p in (target, target.with_name(target.stem + DAMAGED + SUFFIX),
                                   target.with_name(target.name + engine.PARTIAL))):
        target = folder / f"{STEM}-{kind}-{stamp}-{n}{SUFFIX}"
        n += 1
    return target


def discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
