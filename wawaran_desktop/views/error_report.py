"""Last line of defence: an unexpected error is logged and explained, and the app goes on.

Everything stored is committed in its own transaction, so an error in one action never
loses earlier work; the message says so. The log is readable by its owner only (created ``0600``
on POSIX, see infra/private_files.py): a traceback may quote the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop import APP_NAME
from wawaran_desktop.db.faults import describe
from wawaran_desktop.db.server_guards import refusal_text
from wawaran_desktop.infra import private_files
from wawaran_desktop.services.clock import Clock, to_wib, utc_now

LOG_NAME = "wawaran-error.log"


#: A damaged file found by a save or a read in the window: the way out is the window's own menu.
DAMAGED_TEXT = ("Basis data rusak: sebagian datanya tidak dapat dibaca atau ditulis. Jangan lanjutkan pekerjaan: "
                "buka Berkas → Cadangan & Pemulihan dan pulihkan cadangan baik terbaru (berkas yang rusak disimpan "
                "di folder backups). Bila belum ada cadangan, tutup aplikasi, salin seluruh folder data ke tempat "
                "aman dan hubungi pengelola TI kantor.")


def user_message(exc: BaseException, log_path: Path) -> str:
    """An Indonesian explanation of ``exc`` for the user: what happened and what to do.

    The faults the command line tells (db/faults.py: a full disk, a write lock held too long, a
    read-only folder, an I/O error, a damaged file) are told in the same words here, a damaged
    file with the window's way out (*Cadangan & Pemulihan*); anything else is unexpected."""
    told = describe(exc)
    text = str(exc).lower()
    if told is not None and ("malformed" in text or "not a database" in text):
        return f"{DAMAGED_TEXT}\n\nRincian teknis dicatat di:\n{log_path}"
    if told is not None:  # the window's own way to the check, rather than the command's
        told = told.replace("jalankan python main.py check", "periksa keutuhannya di Berkas → Cadangan & Pemulihan "
                            "(Periksa Keutuhan)")
        return f"{told}\n\nRincian teknis dicatat di:\n{log_path}"
    if isinstance(exc, PermissionError):
        what = "Berkas atau folder data tidak dapat ditulis. Periksa izin folder data."
    else:
        what = "Terjadi kesalahan yang tidak terduga."
    return (f"{what}\n\nData yang sudah tersimpan sebelumnya tetap aman; tindakan terakhir mungkin belum "
            f"tersimpan.\n\nRincian teknis dicatat di:\n{log_path}")


_log_dir: list[Path] = []  # where install() was told to log
_clock: list[Clock] = [utc_now]  # the open workspace's clock once install() is told it


def install(log_dir: Path, clock: Clock = utc_now) -> None:
    """Route uncaught exceptions (also those raised in Qt slots) to :func:`report`, logged in
    ``log_dir`` with times of ``clock`` (the workspace's)."""
    _log_dir[:] = [log_dir]
    _clock[:] = [clock]
    sys.excepthook = lambda exc_type, exc, tb: report(exc, log_dir)


def write_log(exc: BaseException, log_dir: Path | None = None) -> Path:
    """Append the traceback to the log (owner-only) and to stderr. Returns the log's path."""
    import tempfile
    import traceback  # only when something went wrong: keeps start-up light

    log_dir = log_dir or (_log_dir[0] if _log_dir else Path(tempfile.gettempdir()))
    log_path = log_dir / LOG_NAME
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        with private_files.open_private_append(log_path) as log:  # owner-only: tracebacks show data
            log.write(f"--- {to_wib(_clock[0]()).isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        pass  # the message still tells the user; nothing more can be done
    sys.stderr.write(details)
    return log_path


def report(exc: BaseException, log_dir: Path | None = None) -> Path:
    """Append the traceback to the log and tell the user. Returns the log's path."""
    log_path = write_log(exc, log_dir)
    refused = refusal_text(exc)  # the office server refused (db/server_guards.py): say its words
    if refused is not None and QApplication.instance() is not None:
        window = QApplication.activeWindow()
        QMessageBox.warning(window if window is not None and window.isVisible() else None, APP_NAME,
                            f"Server kantor menolak: {refused}\n\nTidak ada yang diubah.")
        return log_path
    if QApplication.instance() is not None:
        window = QApplication.activeWindow()  # a hidden window may be on its way to deletion
        parent = window if window is not None and window.isVisible() else None
        QMessageBox.critical(parent, APP_NAME, user_message(exc, log_path))
    return log_path
