"""Saving a document, the same way for every export: ask where, write, say what happened.

:func:`save_document` asks for the file name in the folder used last time (or the user's
Documents folder), adds the extension when the user left it out, writes the file (on the
thread pool behind a progress dialog with *Batal* when the work is long), explains a
failure in Indonesian (the old file is kept: every writer goes through
``infra.atomic``), and offers to open the new file or its folder.

Tests replace :data:`ask_save_path` (the modal file dialog) and :data:`open_url` (which
would launch Word or the file manager) with their own functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from wawaran_desktop import workers
from wawaran_desktop.services.errors import ServiceError
from wawaran_desktop.views.feedback import warn

LAST_FOLDER_KEY = "export/last_folder"
#: A long write shows its progress dialog only when it takes longer than this.
PROGRESS_DELAY_MS = 400

#: ``write(path, progress)`` writes the whole file at ``path`` (atomically).
Writer = Callable[[Path, workers.Progress], None]


def _ask_with_dialog(parent: QWidget | None, title: str, start: str, filters: str) -> tuple[str, str] | None:
    name, chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    return (name, chosen) if name else None


#: ``(parent, title, start path, filters) -> (path, chosen filter) | None`` (None: cancelled).
ask_save_path: Callable[[QWidget | None, str, str, str], tuple[str, str] | None] = _ask_with_dialog

#: Opens a file or folder in the program the system chooses.
open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def last_folder(settings: QSettings) -> Path:
    """The folder of the last export, while it still exists; else the Documents folder."""
    value = settings.value(LAST_FOLDER_KEY, "")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else documents_folder()


def filter_suffixes(filter_text: str) -> list[str]:
    """``"Dokumen Word (*.docx);;PDF (*.pdf)"`` -> ``[".docx", ".pdf"]`` (in order)."""
    return [s.lower() for s in re.findall(r"\*(\.[A-Za-z0-9]+)", filter_text)]


def with_extension(path: Path, filters: str, chosen: str = "") -> Path:
    """``path`` with the chosen filter's extension added unless it already has an offered one."""
    if path.suffix.lower() in filter_suffixes(filters):
        return path
    suffixes = filter_suffixes(chosen) or filter_suffixes(filters)
    return path.with_name(path.name + suffixes[0]) if suffixes else path


def save_document(parent: QWidget | None, *, title: str, suggested_name: str, filters: str,
                  settings: QSettings, write: Writer, long: bool = False) -> Path | None:
    """Ask for a file name and write it; returns the path written, or None (cancelled/failed)."""
    start = last_folder(settings) / suggested_name
    answer = ask_save_path(parent, title, str(start), filters)
    if answer is None:
        return None
    name, chosen = answer
    path = with_extension(Path(name), filters, chosen)
    if not _write(parent, title, path, write, long):
        return None
    settings.setValue(LAST_FOLDER_KEY, str(path.parent))  # only a folder that took the file
    announce_saved(parent, path)
    return path


def _write(parent: QWidget | None, title: str, path: Path, write: Writer, long: bool) -> bool:
    try:
        if long:
            workers.run_with_progress(parent, title, lambda progress: write(path, progress),
                                      label=f"Menyimpan {path.name}…", minimum_duration=PROGRESS_DELAY_MS)
        else:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                write(path, workers.no_progress)
            finally:
                QApplication.restoreOverrideCursor()
    except workers.Cancelled:
        return False  # the user asked for it; the old file (if any) is untouched
    except ServiceError as exc:  # ExportError included: its message says the old file is kept
        warn(parent, str(exc), "Berkas tidak tersimpan")
        return False
    except Exception as exc:  # noqa: BLE001 - logged and explained; the app goes on
        from wawaran_desktop.views import error_report

        error_report.report(exc)
        return False
    return True


def announce_saved(parent: QWidget | None, path: Path) -> None:
    """"Berkas tersimpan", with buttons to open the file or the folder it is in."""
    box = QMessageBox(QMessageBox.Icon.Information, "Berkas tersimpan",
                      f"Berkas tersimpan:\n{path}", QMessageBox.StandardButton.NoButton, parent)
    open_file = box.addButton("Buka Berkas", QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton("Buka Folder", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton("Tutup", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_file:
        _open(parent, path)
    elif clicked is open_folder:
        _open(parent, path.parent)


def _open(parent: QWidget | None, target: Path) -> None:
    if not open_url(QUrl.fromLocalFile(str(target))):
        warn(parent, f"Tidak ada program untuk membuka {target}. Bukalah dari penjelajah berkas.",
             "Tidak dapat dibuka")
