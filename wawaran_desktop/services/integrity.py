"""Is the database whole? A quick check after start-up and a full one on demand (issue 16).

:func:`quick_check` (SQLite's ``quick_check``: every page and row readable, without comparing
indexes to their tables; a second or so on a big file) is meant for the window shortly after
start-up, on a worker thread; :func:`full_check` (``integrity_check``, indexes too) for
``main.py check`` and a menu item. Each returns an :class:`IntegrityResult` whose ``message`` and
``way_out`` are for the person, in Indonesian: damage is never used silently, and the way out is
named — restore the newest good backup (which one, taken when, with how many campaigns), the
damaged file being set aside as a backup of its own by the restore.

Only a PC's own file: on the office server (PostgreSQL) checking belongs to the server
(``pg_amcheck``), and :data:`ON_SERVER` says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wawaran_desktop import paths
from wawaran_desktop.db import backup as engine
from wawaran_desktop.services.backup_files import BackupEntry, newest_good, size_text
from wawaran_desktop.text import formatting as fmt

ON_SERVER = ("Basis data ini ada di server kantor (PostgreSQL): keutuhannya diperiksa di server oleh pengelolanya "
             "(pg_amcheck), dan cadangannya dibuat dan dipulihkan di sana (lihat README, bagian Backups).")


@dataclass(frozen=True)
class IntegrityResult:
    """What a check found. ``ok``: whole; ``message`` says what was found and ``way_out`` what to do
    (empty when whole), both Indonesian; ``problems`` SQLite's own words (for the error log only)."""

    ok: bool
    full: bool
    message: str
    way_out: str = ""
    newest_good: BackupEntry | None = None
    problems: list[str] = field(default_factory=list)
    campaigns: int | None = None

    @property
    def text(self) -> str:
        """The message and the way out, as one text for a dialog or the terminal."""
        return f"{self.message}\n\n{self.way_out}" if self.way_out else self.message


def quick_check(data_dir: str | Path) -> IntegrityResult:
    """The quick check of ``data_dir``'s database (for start-up, in the background)."""
    return check(data_dir, full=False)


def full_check(data_dir: str | Path) -> IntegrityResult:
    """The full check of ``data_dir``'s database (on demand)."""
    return check(data_dir, full=True)


def check(data_dir: str | Path, *, full: bool) -> IntegrityResult:
    data_dir = Path(data_dir)
    db_path = data_dir / paths.DB_FILENAME
    what = "lengkap" if full else "cepat"
    try:
        facts = engine.check_in_use(db_path, full=full)
    except engine.NotUsable as exc:
        return _damaged(data_dir, full, f"{exc} Berkas tidak dipakai.", exc.problems, None)
    except engine.BackupError as exc:
        return IntegrityResult(False, full, str(exc), "Periksa folder data (--data-dir), lalu ulangi.")
    if facts.problems:
        count = len(facts.problems)
        more = "+" if count >= engine.PROBLEMS_SHOWN else ""
        message = (f"Basis data {db_path} RUSAK: pemeriksaan keutuhan {what} menemukan {count}{more} masalah. "
                   "Data yang rusak tidak boleh dipakai terus: laporan dan ekspor dari berkas ini bisa salah atau "
                   "tidak lengkap.")
        return _damaged(data_dir, full, message, facts.problems, facts.campaigns if facts.campaigns >= 0 else None)
    message = (f"Basis data utuh: pemeriksaan keutuhan {what} tidak menemukan masalah "
               f"({size_text(facts.size)}, {fmt.thousands(facts.campaigns)} kampanye).")
    return IntegrityResult(True, full, message, campaigns=facts.campaigns)


def _damaged(data_dir: Path, full: bool, message: str, problems: list[str], campaigns: int | None) -> IntegrityResult:
    good = newest_good(data_dir)
    if good is not None:
        way_out = (f"Jalan keluar: pulihkan cadangan baik terbaru, {good.when_text} ({good.campaigns_text}): "
                   f"Berkas → Cadangan & Pemulihan, atau python main.py restore \"{good.path}\". Perubahan sesudah "
                   "cadangan itu tidak ada di dalamnya; berkas yang rusak disimpan di folder backups sebagai "
                   "cadangan tersendiri.")
    else:
        way_out = ("Jalan keluar: belum ada cadangan yang baik di folder backups. Tutup aplikasi, salin seluruh folder "
                   "data ke tempat aman, lalu hubungi pengelola TI kantor; bila ada salinan cadangan di diska lain "
                   "(USB), pulihkan dengan python main.py restore BERKAS.")
    return IntegrityResult(False, full, message, way_out, good, list(problems), campaigns)

