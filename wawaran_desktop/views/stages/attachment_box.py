"""The attachments box of the data-collection panel (stage 1): the files of the item in the form.

A list of the item's attachments, a preview of the selected picture, and buttons to add,
open and remove files. :class:`AttachmentBox` is mixed into ``data_collection.Panel``,
which owns the form (``ui``), the service, ``_item``, ``_refuse`` and the inline error.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageIOHandler, QImageReader, QPixmap
from PySide6.QtWidgets import QMessageBox

from wawaran_desktop.qtmodels.data_items import AttachmentListModel
from wawaran_desktop.services.attachments import AttachmentRecord, local_file
from wawaran_desktop.services.errors import ServiceError

PREVIEW_SIZE = QSize(120, 96)
FILE_FILTER = ("Dokumen dan gambar (*.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.odt *.txt *.csv "
               "*.png *.jpg *.jpeg *.gif *.bmp *.webp);;Semua berkas (*)")


class AttachmentBox:
    """The attachments of the item in the data-collection form: a mixin of that :class:`StagePanel`."""

    def _setup_attachments(self) -> None:
        """Create the list's model and the box's state, and connect it; called once by the panel."""
        self.files = AttachmentListModel(self)
        self.ui.attachmentList.setModel(self.files)
        self._last_dir = str(Path.home())
        self._preview_shown: tuple[object, ...] | None = None  # what the preview label shows now
        ui = self.ui
        ui.attachmentList.selectionModel().currentRowChanged.connect(self._show_preview)
        ui.attachmentList.doubleClicked.connect(self.open_attachment)
        ui.attachButton.clicked.connect(self.choose_attachments)
        ui.openButton.clicked.connect(self.open_attachment)
        ui.detachButton.clicked.connect(self.remove_attachment)

    def _show_attachments(self, select_id: int | None = None) -> None:
        item = self._item
        self.files.set_rows(self.service.attachments(item.campaign_id, item.id) if item is not None else [])
        row = self.files.row_of(select_id) if select_id is not None else -1
        if row < 0 and self.files.rowCount():
            row = 0
        if row >= 0:
            self.ui.attachmentList.setCurrentIndex(self.files.index(row, 0))
        self._show_preview()

    def _current_file(self) -> AttachmentRecord | None:
        index = self.ui.attachmentList.currentIndex()
        return self.files.record(index.row()) if index.isValid() else None

    def _show_preview(self, *_args) -> None:
        """Show the selected attachment: a picture is read again only when it is another one."""
        label, record = self.ui.previewLabel, self._current_file()
        if record is None:
            shown: tuple[object, ...] = ("none", self._item is not None)
        else:
            shown = ("file", record.id, str(record.path), record.size, record.is_image)
        if shown != self._preview_shown:
            self._preview_shown = shown
            label.clear()
            if record is None:
                label.setText("Belum ada lampiran." if self._item is not None
                              else "Lampiran dapat ditambahkan setelah item disimpan.")
            elif not record.is_image:
                label.setText("Pratinjau hanya untuk gambar. Klik dua kali untuk membuka berkas.")
            else:
                try:
                    pixmap = _preview(local_file(record))  # on a server: fetched once into the cache
                except ServiceError:
                    pixmap = QPixmap()
                if pixmap.isNull():
                    label.setText("Gambar tidak dapat ditampilkan.")
                else:
                    label.setPixmap(pixmap)
        self._update_enabled()

    def choose_attachments(self) -> None:
        """Ask for files with the system's file dialog and attach them to the item."""
        from PySide6.QtWidgets import QFileDialog  # on first use: its classes cost start-up time

        paths, _filter = QFileDialog.getOpenFileNames(self, "Pilih lampiran item data", self._last_dir, FILE_FILTER)
        if paths:
            self._last_dir = str(Path(paths[0]).parent)
            self.add_attachments(paths)

    def add_attachments(self, paths: list[str | Path]) -> int:
        """Copy ``paths`` into the data folder as attachments of the item; returns how many."""
        if not self._store(explicit=True):
            return 0
        item = self._item
        if item is None:
            self._show_error("Isi topik item data terlebih dahulu, lalu tambahkan lampirannya.")
            return 0
        errors: list[str] = []
        added: list[int] = []
        for path in paths:
            try:
                ok, record = self.act(lambda actor, path=path: self.service.attach(actor, self.campaign.id, item.id, path),
                                      self._refuse)
            except OSError as exc:  # unreadable file or full disk: nothing half-copied is kept
                ok, record = False, None
                self._refused = f"Berkas {Path(path).name} tidak dapat disalin: {exc.strerror or exc}."
            if ok is None:
                return len(added)  # no one is acting (the window has said so)
            if not ok:
                errors.append(self._refused)
            else:
                added.append(record.id)
        self._refresh_item(added[-1] if added else None)
        if errors:
            self._show_error(" ".join(errors))
        return len(added)

    def _refresh_item(self, select_file: int | None = None) -> None:
        """After a change to its attachments: the item's row (the count) and its files."""
        item_id = self._item.id
        self._reload_rows(item_id)
        self._item = self.model.record(self.model.row_of(item_id))
        self.show_error(None)
        self._show_attachments(select_file)

    def open_attachment(self, *_args) -> None:
        """Open the selected attachment with the computer's own application for its type."""
        from PySide6.QtCore import QUrl  # on first use: its classes cost start-up time
        from PySide6.QtGui import QDesktopServices

        record = self._current_file()
        if record is None:
            return
        try:
            path = local_file(record)  # on a server: a copy in the data folder's cache
        except ServiceError as exc:
            self._show_error(f"Lampiran {record.original_name} tidak dapat dibuka: {exc}")
            return
        if not path.is_file():
            self._show_error(f"Berkas lampiran {record.original_name} tidak ada lagi di folder data.")
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._show_error(f"Lampiran {record.original_name} tidak dapat dibuka: "
                             "tidak ada aplikasi untuk jenis berkas ini.")

    def remove_attachment(self) -> None:
        record = self._current_file()
        if record is None or self._item is None:
            return
        if QMessageBox.question(self, "Hapus lampiran", f"Hapus lampiran \"{record.original_name}\"? "
                                "Salinan berkasnya juga dihapus.") != QMessageBox.StandardButton.Yes:
            return
        ok, _ = self.act(lambda actor: self.service.detach(actor, self.campaign.id, record.id), self._refuse)
        if ok:
            self._refresh_item()


def _preview(path: Path) -> QPixmap:
    """The picture at ``path`` within PREVIEW_SIZE, decoded at that size: a camera's 24 MP
    JPEG is not decoded in full on the GUI thread. A null pixmap when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # upright, as the camera's EXIF says
    original = reader.size()
    if original.isValid() and not original.isEmpty():
        box = PREVIEW_SIZE
        if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
            box = box.transposed()  # the size is the stored one, before the picture is turned
        reader.setScaledSize(original.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QPixmap()
    if image.width() > PREVIEW_SIZE.width() or image.height() > PREVIEW_SIZE.height():
        image = image.scaled(PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)  # a reader that could not scale
    return QPixmap.fromImage(image)
