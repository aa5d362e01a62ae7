"""Backups of a PC's own database (single-PC mode): made, kept by rotation, listed, copied, restored.

Every copy lies in the data folder's ``backups/`` and is written by :mod:`wawaran_desktop.db.backup`
(SQLite's online backup API, a temporary name, checked, renamed: never half there). Its name says
what it is and when it was taken (UTC, so a copy moved between PCs keeps its moment; shown in
WIB by :mod:`wawaran_desktop.text.formatting`):

* ``wawaran-otomatis-20261126T010000Z.sqlite3``: automatic (:meth:`BackupService.run_automatic`,
  once per WIB day: the window calls it shortly after start-up and while it runs), kept by the
  office's rotation (:class:`Rotation`: by default the newest of each of the last 7 days, 4 weeks
  and 12 months that have one), the others removed;
* ``wawaran-manual-…``: made on request (``main.py backup``, the window's menu), kept;
* ``wawaran-sebelum-pemulihan-…``: the file in use set aside before a restore, kept
  (``…-rusak.sqlite3``: a damaged file moved aside as it was, with its ``-wal``);
* ``wawaran-v7-…``: the copy taken before a migration (``db/connection.py``), kept.

A restore (:meth:`BackupService.restore`, or :func:`restore_into` when the file in use cannot
even be opened) checks the backup first — whole, the application's, not newer — and refuses it
with nothing changed; sets the file in use aside as a backup of its own; puts a checked copy of
the backup in its place; opens it (a backup of an older schema is migrated as any older file is)
and appends an audit entry ``restore`` to its history, so the chain of the restored file stays
verifiable and says that it was restored, when, from which copy and by whom.

On the office server (PostgreSQL) backups belong to the server (pg_dump / pg_restore, the README's
*Backups*): every method refuses with :class:`BackupsOnServer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import DatabaseError as PeeweeDatabaseError

from wawaran_desktop import paths
from wawaran_desktop.db import backup as engine
from wawaran_desktop.db import history_chain
from wawaran_desktop.db.connection import DatabaseError, close_database, open_database
from wawaran_desktop.db.dialect import write_transaction
from wawaran_desktop.db.models import Account, Staff, database
from wawaran_desktop.services.clock import Clock, to_db, wib_date
from wawaran_desktop.services.errors import RuleError, ServiceError, ValidationError
from wawaran_desktop.services.history import record_audit
from wawaran_desktop.text import formatting as fmt

if TYPE_CHECKING:
    from wawaran_desktop.services.settings import SettingsService
    from wawaran_desktop.services.workspace import Workspace

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
#: A restore's copy of the backup, beside the file in use until it replaces it.
RESTORING = f"{STEM}-pemulihan{SUFFIX}"
ON_SERVER = ("Basis data ini ada di server kantor (PostgreSQL): cadangannya dibuat dan dipulihkan di server oleh "
             "pengelolanya dengan pg_dump dan pg_restore (lihat README, bagian Backups), bukan dari aplikasi di PC "
             "ini.")
ROTATION_KEY = "backup.rotation"
ROTATION_WHAT = "Rotasi cadangan"
#: Allowed ranges of the rotation's counts (the daily one keeps at least the newest copy).
ROTATION_RANGES = {"daily": (1, 366), "weekly": (0, 260), "monthly": (0, 240)}
ROTATION_LABELS = {"daily": "Harian", "weekly": "Mingguan", "monthly": "Bulanan"}


class BackupsOnServer(RuleError):
    """Backups of the office server's database are the server's, not the application's."""


class BackupFailed(ServiceError):
    """A backup, copy or restore could not be done; ``str(exc)`` says why and what to do."""


class RestoreRefused(ServiceError):
    """The file offered is not a backup that may be restored (damaged, another program's, newer);
    nothing was changed."""


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


def read_rotation(settings: SettingsService) -> tuple[Rotation, int]:
    """The office's rotation (the defaults when none or an unreadable one is stored) and its version."""
    stored, version = settings.get_json_versioned(ROTATION_KEY, {})
    try:
        return validate_rotation(**{k: int(stored[k]) for k in ROTATION_RANGES}), version
    except (KeyError, TypeError, ValueError):
        return Rotation(), version


def validate_rotation(daily: int, weekly: int, monthly: int) -> Rotation:
    values = {"daily": daily, "weekly": weekly, "monthly": monthly}
    for key, value in values.items():
        low, high = ROTATION_RANGES[key]
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(f"Jumlah cadangan {ROTATION_LABELS[key].lower()} harus antara {low} dan {high}.",
                                  key)
    return Rotation(**values)


class BackupService:
    """The backups of one workspace's data folder (``ws.backups``); single-PC mode only."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.clock: Clock = ws.clock

    @property
    def on_server(self) -> bool:
        return self.ws.database_url is not None

    @property
    def folder(self) -> Path:
        return backup_folder(self.ws.data_dir)

    def _require_file(self) -> None:
        if self.on_server:
            raise BackupsOnServer(ON_SERVER)

    # --- rotation settings -------------------------------------------------------------------
    def rotation(self) -> tuple[Rotation, int]:
        """The office's rotation and its stored version (0: not stored, the defaults)."""
        self._require_file()
        return read_rotation(self.ws.settings)

    def set_rotation(self, actor_id: int | None, rotation: Rotation, version: int | None = None) -> Rotation:
        """Store the office's rotation (audited; ``version``: the one read, ConflictError when another
        save came first). Nothing is removed until the next automatic backup."""
        self._require_file()
        value = validate_rotation(rotation.daily, rotation.weekly, rotation.monthly)
        self.ws.settings.put_json(ROTATION_KEY, value.__dict__, actor_id=actor_id, version=version,
                                  what=ROTATION_WHAT,
                                  theirs=lambda stored: {ROTATION_WHAT: _rotation_of(stored).text()})
        return value

    # --- making and keeping ------------------------------------------------------------------
    def create(self, kind: str = MANUAL, progress: engine.Progress | None = None) -> BackupEntry:
        """A checked backup of the database now (``kind``: :data:`MANUAL` or :data:`AUTO`)."""
        self._require_file()
        if kind not in (MANUAL, AUTO):
            raise ValueError(kind)
        folder = _private_folder(self.folder)
        engine.clean_temporaries(folder)
        at = self.clock().astimezone(UTC).replace(microsecond=0)
        target = _free_name(folder, kind, at)
        try:
            facts = engine.write_copy(self.ws.db_path, target, progress=progress)
        except engine.BackupError as exc:
            raise BackupFailed(str(exc)) from None
        return BackupEntry(target, kind, at, facts.size, facts.version, facts.campaigns)

    def due(self) -> bool:
        """Whether an automatic backup is due: none taken yet on today's WIB date."""
        self._require_file()
        today = self.ws.today()
        return not any(e.kind == AUTO and wib_date(e.at) == today
                       for e in list_backups(self.ws.data_dir, read=False))

    def run_automatic(self, progress: engine.Progress | None = None) -> BackupEntry | None:
        """The day's automatic backup when :meth:`due` (then the rotation applied); None when one
        was already taken today. Meant for the window shortly after start-up, in the background,
        and again every so often while it runs."""
        if not self.due():
            return None
        entry = self.create(AUTO, progress)
        self.rotate()
        return entry

    def rotate(self) -> list[Path]:
        """Remove the automatic backups the office's rotation no longer keeps (never another kind);
        returns them. Leftovers of killed copies go too."""
        self._require_file()
        rotation, _ = read_rotation(self.ws.settings)
        entries = list_backups(self.ws.data_dir, read=False)
        kept = kept_by_rotation(entries, rotation)
        removed = []
        for entry in entries:
            if entry.kind == AUTO and entry.path not in kept:
                try:
                    entry.path.unlink()
                    removed.append(entry.path)
                except OSError:
                    continue  # open elsewhere (Windows): the next rotation tries again
        engine.clean_temporaries(self.folder)
        return removed

    def list(self, check: bool = False) -> list[BackupEntry]:
        """Every backup, newest first, with its date, size and campaigns (``check``: quick_check too)."""
        self._require_file()
        return list_backups(self.ws.data_dir, check=check)

    def newest_good(self) -> BackupEntry | None:
        """The newest backup that passes the quick check and this version can open."""
        self._require_file()
        return newest_good(self.ws.data_dir)

    def copy_to(self, backup: Path, folder: Path) -> Path:
        """A checked copy of ``backup`` in ``folder`` (another disk, a USB stick), under the same
        name; the backup itself is only read. Returns the copy's path."""
        self._require_file()
        return copy_backup(backup, folder)

    # --- restoring ---------------------------------------------------------------------------
    def restore(self, backup: Path, actor_id: int | None) -> RestoreResult:
        """Replace the database in use with ``backup`` (see the module's docstring). Only an
        administrator, once the file has accounts. The workspace stays open, on the restored file
        (its services read it from now on); a window builds itself anew."""
        self._require_file()
        try:
            who = self._who(actor_id)
        except PeeweeDatabaseError:  # the file in use is damaged: who may restore cannot be read from it
            who = None
        close_database()
        try:
            result = restore_into(self.ws.data_dir, Path(backup), self.clock, who)
        except BaseException:
            open_database(self.ws.db_path)  # refused or failed: the file in use, unchanged, open again
            raise
        self.ws.thresholds = _reload_thresholds(self.ws)
        return result

    def _who(self, actor_id: int | None) -> Who | None:
        has_accounts = Account.select(Account.id).exists()
        me = Account.get_or_none(Account.staff == actor_id) if actor_id is not None else None
        if has_accounts and (me is None or not (me.is_admin and me.active)):
            raise RuleError("Memulihkan cadangan mengganti data semua orang: hanya administrator yang dapat "
                            "melakukannya. Minta administrator kantor memulihkannya.")
        person = Staff.get_or_none(Staff.id == actor_id) if actor_id is not None else None
        if person is None:
            return None
        return Who(person.name, person.nip, me.username if me is not None else None)


def newest_good(data_dir: Path) -> BackupEntry | None:
    """The newest backup of ``data_dir`` that passes the quick check and this version can open."""
    for entry in list_backups(data_dir, read=False):
        try:
            facts = engine.examine(entry.path, full=False)
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

    folder = _private_folder(backup_folder(data_dir))
    restoring = data_dir / RESTORING
    for suffix in ("", engine.PARTIAL, f"{engine.PARTIAL}-journal", "-wal", "-shm"):
        _discard(Path(f"{restoring}{suffix}"))  # a restore killed before its end left it: never in use
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
        _discard(restoring)
        raise BackupFailed(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.") from None
    try:
        _set_aside(db_path, aside, damaged)
        restoring.replace(db_path)
        engine.fsync_folder(data_dir)
    except (engine.BackupError, OSError) as exc:
        _discard(restoring)
        raise BackupFailed(f"Cadangan tidak dipulihkan: {exc} Basis data sekarang tidak diubah.") from None
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
    except engine.BackupError:  # not readable as SQLite at all, or another program's
        damaged = True
    target = _free_name(folder, BEFORE_RESTORE, at)
    if damaged:
        target = target.with_name(target.stem + DAMAGED + target.suffix)
    return target, damaged


def _set_aside(db_path: Path, target: Path | None, damaged: bool) -> None:
    """The file in use kept at ``target`` in ``backups/`` as a backup of its own, before it is
    replaced: a checked copy when it is whole (its ``-wal`` then checkpointed and removed); a damaged
    one moved there as it is, with its ``-wal`` (also one whose damage only the copy's full check found)."""
    if target is None:
        return
    if not damaged:
        try:
            engine.write_copy(db_path, target)
        except engine.BackupError:
            damaged = True
        else:
            engine.release_for_replacement(db_path)
            return
    for suffix in ("", "-wal", "-journal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            source.replace(Path(f"{target}{suffix}"))
    Path(f"{db_path}-shm").unlink(missing_ok=True)
    engine.fsync_folder(target.parent)


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


def _reload_thresholds(ws: Workspace):
    from wawaran_desktop.services import timing_settings

    return timing_settings.load(ws.settings)


def _rotation_of(stored: object) -> Rotation:
    try:
        return validate_rotation(**{k: int(stored[k]) for k in ROTATION_RANGES})  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return Rotation()


def _private_folder(folder: Path) -> Path:
    from wawaran_desktop.infra import private_files

    try:
        return private_files.private_dir(folder)
    except OSError as exc:
        raise BackupFailed(f"Folder cadangan {folder} tidak dapat dibuat ({exc.strerror}): periksa izin folder "
                           "data.") from None


def _free_name(folder: Path, kind: str, at: datetime) -> Path:
    """``wawaran-<kind>-<UTC stamp>.sqlite3``, numbered ``-2``, ``-3``… when taken in the same second."""
    stamp = f"{at.astimezone(UTC):{_STAMP}}"
    target = folder / f"{STEM}-{kind}-{stamp}{SUFFIX}"
    n = 2
    while any(p.exists() for p in (target, target.with_name(target.stem + DAMAGED + SUFFIX),
                                   target.with_name(target.name + engine.PARTIAL))):
        target = folder / f"{STEM}-{kind}-{stamp}-{n}{SUFFIX}"
        n += 1
    return target


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass

