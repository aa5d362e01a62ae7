"""Backups of a PC's own database (single-PC mode): the service (``ws.backups``).

It makes checked backups (:mod:`wawaran_desktop.db.backup`: never half there), the day's automatic
one (:meth:`BackupService.run_automatic`, once per WIB day: the window calls it shortly after
start-up and while it runs) kept by the office's rotation (an office setting, by default the newest
of each of the last 7 days, 4 weeks and 12 months that have one), lists them with WIB date, size
and campaigns, copies one to another folder, and restores one (:mod:`.restore`). What the files are
called and hold is :mod:`.backup_files`.

On the office server (PostgreSQL) backups belong to the server (pg_dump / pg_restore, the README's
*Backups*): every method refuses with :class:`BackupsOnServer`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import DatabaseError as PeeweeDatabaseError

from wawaran_desktop.db import backup as engine
from wawaran_desktop.db.connection import close_database, open_database
from wawaran_desktop.db.models import Account, Staff
from wawaran_desktop.services.backup_files import (
    AUTO,
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    KIND_LABELS,
    MANUAL,
    BackupEntry,
    BackupFailed,
    Rotation,
    backup_folder,
    copy_backup,
    free_name,
    kept_by_rotation,
    list_backups,
    newest_good,
    private_folder,
    size_text,
)
from wawaran_desktop.services.clock import Clock, wib_date
from wawaran_desktop.services.errors import RuleError, ValidationError
from wawaran_desktop.services.integrity import IntegrityResult, full_check, quick_check
from wawaran_desktop.services.restore import RestoreRefused, RestoreResult, Who, restore_into

if TYPE_CHECKING:
    from wawaran_desktop.services.settings import SettingsService
    from wawaran_desktop.services.workspace import Workspace

#: What other modules take from here (the files' names and the restore are their own modules').
__all__ = ["AfterStart", "AUTO", "BEFORE_MIGRATION", "BEFORE_RESTORE", "KIND_LABELS", "MANUAL", "BackupEntry", "BackupFailed",
           "BackupService", "BackupsOnServer", "RestoreRefused", "RestoreResult", "Rotation", "Who", "copy_backup",
           "kept_by_rotation", "list_backups", "newest_good", "read_rotation", "restore_into", "size_text",
           "validate_rotation"]

ON_SERVER = ("Basis data ini ada di server kantor (PostgreSQL): cadangannya dibuat dan dipulihkan di server oleh "
             "pengelolanya dengan pg_dump dan pg_restore (lihat README, bagian Backups), bukan dari aplikasi di PC "
             "ini.")
ROTATION_KEY = "backup.rotation"
ROTATION_WHAT = "Rotasi cadangan"
#: Allowed ranges of the rotation's counts (the daily one keeps at least the newest copy).
ROTATION_RANGES = {"daily": (1, 366), "weekly": (0, 260), "monthly": (0, 240)}
ROTATION_LABELS = {"daily": "Harian", "weekly": "Mingguan", "monthly": "Bulanan"}


@dataclass(frozen=True)
class AfterStart:
    """:meth:`BackupService.after_start`'s result: the quick check's (``integrity.ok``, its
    ``message`` and ``way_out``), the automatic backup made now (None: the file is damaged, or
    today's exists), and why no backup could be made (empty when nothing went wrong)."""

    integrity: IntegrityResult
    backup: BackupEntry | None
    problem: str


class BackupsOnServer(RuleError):
    """Backups of the office server's database are the server's, not the application's."""


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
        self.ws.settings.put_json(ROTATION_KEY, asdict(value), actor_id=actor_id, version=version,
                                  what=ROTATION_WHAT,
                                  theirs=lambda stored: {ROTATION_WHAT: _rotation_of(stored).text()})
        return value

    # --- making and keeping ------------------------------------------------------------------
    def create(self, kind: str = MANUAL, progress: engine.Progress | None = None) -> BackupEntry:
        """A checked backup of the database now (``kind``: :data:`MANUAL` or :data:`AUTO`)."""
        self._require_file()
        if kind not in (MANUAL, AUTO):
            raise ValueError(kind)
        folder = private_folder(self.folder)
        engine.clean_temporaries(folder)
        at = self.clock().astimezone(UTC).replace(microsecond=0)
        target = free_name(folder, kind, at)
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

    def after_start(self, progress: engine.Progress | None = None) -> AfterStart:
        """What the window runs shortly after start-up, on a worker thread: the quick integrity check,
        then — only when the file is whole — the day's automatic backup and the rotation. A damaged
        file is never backed up over the good copies (nor are they rotated away): the result's
        ``integrity`` says so with the way out, for the window to show."""
        self._require_file()
        checked = quick_check(self.ws.data_dir)
        if not checked.ok:
            return AfterStart(checked, None, "")
        try:
            return AfterStart(checked, self.run_automatic(progress), "")
        except BackupFailed as exc:
            # The copy's full check may find damage the quick check cannot see (an index): then it is
            # the file in use that is damaged, told with the way out, not "the backup was not made".
            full = full_check(self.ws.data_dir)
            if not full.ok:
                return AfterStart(full, None, "")
            return AfterStart(checked, None, f"Cadangan otomatis hari ini tidak dibuat: {exc}")

    def check(self, full: bool = True) -> IntegrityResult:
        """The integrity check of the file in use on a connection of its own (``full``: indexes too),
        with the way out when damaged (on demand: *Periksa Keutuhan*, ``main.py check``)."""
        self._require_file()
        return full_check(self.ws.data_dir) if full else quick_check(self.ws.data_dir)

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
        """The newest backup that passes the full check (as a restore will) and this version can open."""
        self._require_file()
        return newest_good(self.ws.data_dir)

    def copy_to(self, backup: Path, folder: Path) -> Path:
        """A checked copy of ``backup`` in ``folder`` (another disk, a USB stick), under the same
        name; the backup itself is only read. Returns the copy's path."""
        self._require_file()
        return copy_backup(backup, folder)

    # --- restoring ---------------------------------------------------------------------------
    def check_may_restore(self, actor_id: int | None) -> None:
        """Refuse (RuleError, saying who may) unless ``actor_id`` may restore: asked before the window
        closes for a restore, and checked again by :meth:`restore`. A damaged file in use, whose
        accounts cannot be read, refuses nobody (as :meth:`restore`)."""
        self._require_file()
        try:
            self._who(actor_id)
        except PeeweeDatabaseError:
            return

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


def _reload_thresholds(ws: Workspace):
    from wawaran_desktop.services import timing_settings

    return timing_settings.load(ws.settings)


def _rotation_of(stored: object) -> Rotation:
    try:
        return validate_rotation(**{k: int(stored[k]) for k in ROTATION_RANGES})  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return Rotation()
