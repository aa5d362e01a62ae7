"""The stage 7 panel's photos of a stop: thumbnails in a list, chosen from disk, opened on double-click."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QListWidget, QListWidgetItem, QWidget

from wawaran_desktop.services.attachments import AttachmentRecord, local_file
from wawaran_desktop.services.errors import ServiceError

PHOTO_FILTER = "Foto (*.jpg *.jpeg *.png *.gif *.bmp *.webp)"
PATH_ROLE = Qt.ItemDataRole.UserRole + 1  # the photo's stored file; UserRole holds its id


def choose_photos(parent: QWidget) -> list[Path]:
    """Ask for photo files to attach; empty when the user cancels."""
    files, _ = QFileDialog.getOpenFileNames(parent, "Pilih foto lokasi", "", PHOTO_FILTER)
    return [Path(f) for f in files]


def show_photos(photo_list: QListWidget, photos: Iterable[AttachmentRecord]) -> None:
    """Replace the list's items with a thumbnail per photo (its id and file kept on the item).
    On an office server each photo is first fetched into the data folder's cache (once)."""
    photo_list.clear()
    for photo in photos:
        try:
            path, problem = local_file(photo), ""
        except ServiceError as exc:
            path, problem = photo.path, f"\n{exc}"
        item = QListWidgetItem(thumbnail(path), "", photo_list)
        item.setToolTip(f"{photo.original_name}\nditambahkan oleh {photo.added_by_name}{problem}")
        item.setData(Qt.ItemDataRole.UserRole, photo.id)
        item.setData(PATH_ROLE, str(path))


def selected_photo_id(photo_list: QListWidget) -> int | None:
    items = photo_list.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


def open_photo(item: QListWidgetItem) -> None:
    """Show the photo in the system's picture viewer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(PATH_ROLE)))


def thumbnail(path: Path, size: int = 64) -> QIcon:
    """A small picture of the photo, read scaled (cheap even for large camera files)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and original.width() > 0 and original.height() > 0:
        reader.setScaledSize(original.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()
