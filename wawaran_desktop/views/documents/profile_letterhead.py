"""The *Kop Kantor* tab of the office profile dialog: the office's own kop surat, a Word file
and an image of it (services/office_files.py), chosen, checked at once, shown and removed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QWidget

from wawaran_desktop.services.errors import ValidationError
from wawaran_desktop.services.office_files import check_letterhead_docx, check_letterhead_image

BUILT_IN = "kop bawaan"


def _ask(parent: QWidget | None, title: str, filter_text: str) -> str | None:
    name, _chosen = QFileDialog.getOpenFileName(parent, title, "", filter_text)
    return name or None


#: ``(parent) -> path | None``: the files the user picks (tests replace them).
ask_docx_path: Callable[[QWidget | None], str | None] = \
    lambda parent: _ask(parent, "Pilih Kop Surat (Word)", "Dokumen Word (*.docx)")  # noqa: E731
ask_image_path: Callable[[QWidget | None], str | None] = \
    lambda parent: _ask(parent, "Pilih Gambar Kop", "Gambar (*.png *.jpg *.jpeg)")  # noqa: E731


class LetterheadTab:
    """Holds the two choices of the dialog ``dialog`` (whose ``ui`` has the tab's widgets);
    ``show_error(exc)`` tells a refusal the way the dialog tells its own."""

    def __init__(self, dialog: QWidget, ui, show_error: Callable[[ValidationError], None],
                 hide_error: Callable[[], None]) -> None:
        self.dialog, self.ui = dialog, ui
        self.show_error, self.hide_error = show_error, hide_error
        self.docx: Path | None = None
        self.image: Path | None = None
        ui.chooseLetterheadDocxButton.clicked.connect(self.choose_docx)
        ui.removeLetterheadDocxButton.clicked.connect(lambda: self.set_docx(None))
        ui.chooseLetterheadImageButton.clicked.connect(self.choose_image)
        ui.removeLetterheadImageButton.clicked.connect(lambda: self.set_image(None))

    def show(self, docx: Path | None, image: Path | None) -> None:
        self.set_docx(docx)
        self.set_image(image)

    def set_docx(self, path: Path | None) -> None:
        self.docx = path
        self.ui.letterheadDocxLabel.setText(Path(path).name if path is not None else BUILT_IN)
        self.ui.removeLetterheadDocxButton.setEnabled(path is not None)

    def set_image(self, path: Path | None) -> None:
        self.image = path
        preview = self.ui.letterheadImagePreview
        image = QImage(str(path)) if path is not None else QImage()
        if image.isNull():
            preview.setPixmap(QPixmap())
            preview.setText(BUILT_IN)
        else:
            preview.setPixmap(QPixmap.fromImage(image).scaled(
                preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.ui.removeLetterheadImageButton.setEnabled(path is not None)

    def choose_docx(self) -> None:
        name = ask_docx_path(self.dialog)
        if name and self._usable(lambda: check_letterhead_docx(Path(name))):
            self.set_docx(Path(name))

    def choose_image(self) -> None:
        name = ask_image_path(self.dialog)
        if not name:
            return

        def check() -> None:
            check_letterhead_image(Path(name))
            if QImage(name).isNull():
                raise ValidationError("Gambar kop tidak dapat dibaca; simpan ulang sebagai PNG.", "letterhead_image")

        if self._usable(check):
            self.set_image(Path(name))

    def _usable(self, check: Callable[[], object]) -> bool:
        try:
            check()
        except ValidationError as exc:
            self.show_error(exc)
            return False
        self.hide_error()
        return True
