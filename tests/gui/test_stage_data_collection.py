"""Stage 1 tab (Pengumpulan Data) driven as a user would, inside the main window."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage, QImageReader
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from wawaran_desktop.db.stage_models import Attachment, DataItem
from wawaran_desktop.services.stages.data_collection import DataItemFields, Service
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.stages import attachment_box


@pytest.fixture
def campaign(ws, staff):
    return ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD", "3M Plus")


@pytest.fixture
def picture(tmp_path):
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    path = tmp_path / "Foto Fogging.png"
    assert image.save(str(path))
    return path


def open_panel(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(0)
    return window.stages.stage(1).panel


def type_into(qtbot, edit, text):
    """Replace the text of a line edit by typing, then leave it with Tab (editingFinished)."""
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def choose(qtbot, combo, data):
    """Pick an entry with the arrow keys, as the user does (this emits ``activated``)."""
    combo.setFocus()
    target = combo.findData(data)
    if target in (0, combo.count() - 1):  # Home and End jump there, as Down and Up step
        qtbot.keyClick(combo, Qt.Key.Key_Home if target == 0 else Qt.Key.Key_End)
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def click(qtbot, button):
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def rows():
    return [(r.topic, r.position, r.source_kind, r.source_name, r.priority) for r in
            DataItem.select().order_by(DataItem.position)]


def test_items_typed_with_attachments_survive_closing_and_reopening(clock,
        qtbot, ws, data_dir, staff, campaign, picture, make_window):
    window = make_window(ws)
    panel = open_panel(qtbot, window)
    ui = panel.ui
    assert ui.editBox.title() == "Item data baru" and panel.model.rowCount() == 0

    type_into(qtbot, ui.topicEdit, "Kasus DBD meningkat di Cipondoh")  # a new item is stored with its topic
    assert rows() == [("Kasus DBD meningkat di Cipondoh", 1, "prokomp", "", 2)]
    assert panel.model.rowCount() == 1 and ui.editBox.title().startswith("Item data no. 1")
    ui.summaryEdit.setFocus()
    qtbot.keyClicks(ui.summaryEdit, "Dinkes mencatat 48 kasus sepanjang November.")
    choose(qtbot, ui.sourceCombo, "other")  # leaving the summary stored it; "Lainnya" asks for a name
    assert DataItem.get().summary == "Dinkes mencatat 48 kasus sepanjang November."
    assert ui.sourceNameEdit.isVisible() and ui.sourceNameEdit.hasFocus()
    assert DataItem.get().source_kind == "prokomp"  # not stored without its name
    type_into(qtbot, ui.sourceNameEdit, "Puskesmas Cipondoh")
    type_into(qtbot, ui.referenceEdit, "www.tangerangkota.go.id/dbd")
    assert ui.referenceEdit.text() == "https://www.tangerangkota.go.id/dbd"
    click(qtbot, ui.dateCheck)  # no date
    choose(qtbot, ui.priorityCombo, 1)
    assert rows() == [("Kasus DBD meningkat di Cipondoh", 1, "other", "Puskesmas Cipondoh", 1)]
    assert DataItem.get().item_date is None and DataItem.get().reference == "https://www.tangerangkota.go.id/dbd"
    assert panel.model.index(0, 3).data() == "Tinggi"

    assert panel.add_attachments([str(picture)]) == 1
    assert panel.files.rowCount() == 1 and panel.files.index(0, 0).data().startswith("Foto Fogging.png (")
    assert ui.previewLabel.pixmap() is not None and not ui.previewLabel.pixmap().isNull()
    assert ui.previewLabel.pixmap().width() <= 120
    assert panel.model.index(0, 4).data() == "1"

    click(qtbot, ui.addButton)
    assert ui.editBox.title() == "Item data baru" and ui.topicEdit.hasFocus() and ui.topicEdit.text() == ""
    qtbot.keyClicks(ui.topicEdit, "Gerakan 3M Plus serentak")
    choose(qtbot, ui.sourceCombo, "dimc")
    click(qtbot, ui.upButton)
    assert rows() == [("Gerakan 3M Plus serentak", 1, "dimc", "", 2),
                      ("Kasus DBD meningkat di Cipondoh", 2, "other", "Puskesmas Cipondoh", 1)]
    assert panel.model.index(0, 1).data() == "Gerakan 3M Plus serentak"
    assert ui.editBox.title().startswith("Item data no. 1")
    assert DataItem.get(DataItem.topic == "Gerakan 3M Plus serentak").item_date == Service(ws).today()  # default
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2)
    panel = open_panel(qtbot, again)
    assert [panel.model.index(r, 1).data() for r in range(panel.model.rowCount())] == [
        "Gerakan 3M Plus serentak", "Kasus DBD meningkat di Cipondoh"]
    panel.ui.itemsTable.selectRow(1)
    assert panel.ui.topicEdit.text() == "Kasus DBD meningkat di Cipondoh"
    assert panel.ui.summaryEdit.toPlainText() == "Dinkes mencatat 48 kasus sepanjang November."
    assert panel.ui.sourceCombo.currentData() == "other" and panel.ui.sourceNameEdit.text() == "Puskesmas Cipondoh"
    assert not panel.ui.dateCheck.isChecked() and panel.ui.priorityCombo.currentText() == "Tinggi"
    assert panel.files.rowCount() == 1 and not panel.ui.previewLabel.pixmap().isNull()
    ws2.close()


def test_bad_input_shows_the_message_where_it_was_typed_and_stores_nothing(
        qtbot, ws, staff, campaign, make_window):
    Service(ws).add(staff[0].id, campaign.id, DataItemFields("Kasus DBD", reference="Surat No. 1"))
    window = make_window(ws)
    panel = open_panel(qtbot, window)
    ui = panel.ui
    before = rows()

    type_into(qtbot, ui.topicEdit, "")
    assert ui.errorLabel.isVisible() and ui.errorLabel.text() == "Topik wajib diisi."
    type_into(qtbot, ui.topicEdit, "Kasus DBD")
    assert not ui.errorLabel.isVisible()

    type_into(qtbot, ui.referenceEdit, "ftp://data.tangerangkota.go.id/dbd.xls")
    assert ui.errorLabel.text() == "Tautan harus diawali http:// atau https://."
    type_into(qtbot, ui.referenceEdit, "Surat No. 1")

    today = Service(ws).today()
    click(qtbot, ui.dateCheck)  # the item gets a date: today, stored at once
    assert DataItem.get().item_date == today
    ui.dateEdit.setFocus()
    qtbot.keyClick(ui.dateEdit, Qt.Key.Key_Up)  # the day section: tomorrow
    qtbot.keyClick(ui.dateEdit, Qt.Key.Key_Return)
    assert ui.errorLabel.text().startswith("Tanggal data tidak boleh setelah hari ini (")
    assert rows() == before and DataItem.get().item_date == today and DataItem.get().reference == "Surat No. 1"
    ui.dateEdit.setFocus()
    qtbot.keyClick(ui.dateEdit, Qt.Key.Key_Down)
    qtbot.keyClick(ui.dateEdit, Qt.Key.Key_Return)
    assert not ui.errorLabel.isVisible() and DataItem.get().item_date == today

    click(qtbot, ui.addButton)  # a new item with a summary but no topic is refused on Simpan
    ui.summaryEdit.setFocus()
    qtbot.keyClicks(ui.summaryEdit, "Tanpa topik")
    click(qtbot, ui.saveButton)
    assert ui.errorLabel.text() == "Topik wajib diisi." and ui.topicEdit.hasFocus()
    assert DataItem.select().count() == 1
    panel.ui.itemsTable.selectRow(0)  # what is typed belongs to the new item: the form stays
    assert ui.editBox.title() == "Item data baru" and ui.summaryEdit.toPlainText() == "Tanpa topik"
    click(qtbot, ui.removeButton)  # on a new item: empties the form
    assert ui.summaryEdit.toPlainText() == "" and panel.flush()


def test_pending_typing_is_stored_when_another_item_or_campaign_is_chosen(
        qtbot, ws, staff, campaign, make_window):
    service = Service(ws)
    first = service.add(staff[0].id, campaign.id, DataItemFields("Pertama"))
    service.add(staff[0].id, campaign.id, DataItemFields("Kedua"))
    other = ws.campaigns.create(staff[0].id, "Wawaran Lain")
    window = make_window(ws)
    window.list.select(campaign.id)
    panel = open_panel(qtbot, window)
    ui = panel.ui
    ui.summaryEdit.setFocus()
    qtbot.keyClicks(ui.summaryEdit, "Diketik lalu pindah item")
    ui.itemsTable.selectRow(1)
    assert service.get(campaign.id, first.id).fields.summary == "Diketik lalu pindah item"
    assert ui.topicEdit.text() == "Kedua"
    click(qtbot, ui.addButton)
    qtbot.keyClicks(ui.topicEdit, "Ketiga, belum keluar dari kolom")
    view = ui.itemsTable
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(panel.model.index(0, 1)).center())
    assert [r.topic for r in service.list(campaign.id)] == ["Pertama", "Kedua", "Ketiga, belum keluar dari kolom"]
    assert ui.topicEdit.text() == "Pertama" and view.currentIndex().row() == 0
    ui.topicEdit.setText("Pertama, diubah")  # still in the field when the campaign changes
    window.list.select(other.id)
    assert [r.topic for r in service.list(campaign.id)] == [
        "Pertama, diubah", "Kedua", "Ketiga, belum keluar dari kolom"]
    assert panel.model.rowCount() == 0 and ui.editBox.title() == "Item data baru"


def test_attach_button_opens_the_file_dialog_and_open_uses_the_desktop(
        qtbot, ws, staff, campaign, picture, tmp_path, make_window, modals):
    service = Service(ws)
    service.add(staff[0].id, campaign.id, DataItemFields("Kasus DBD"))
    pdf = tmp_path / "Rilis Dinkes.pdf"
    pdf.write_bytes(b"%PDF-1.4 rilis")
    window = make_window(ws)
    panel = open_panel(qtbot, window)

    def pick(dialog):
        assert isinstance(dialog, QFileDialog)
        assert dialog.fileMode() == QFileDialog.FileMode.ExistingFiles
        dialog.setDirectory(str(tmp_path))
        dialog.selectFile(f'"{pdf.name}" "{picture.name}"')
        dialog.accept()

    modals.then(pick)
    click(qtbot, panel.ui.attachButton)
    assert modals.pending == 0 and not modals.errors
    names = [a.original_name for a in Attachment.select().order_by(Attachment.id)]
    assert sorted(names) == ["Foto Fogging.png", "Rilis Dinkes.pdf"]

    opened: list[QUrl] = []

    class Opener(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            opened.append(url)

    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        row = next(i for i in range(panel.files.rowCount()) if panel.files.record(i).original_name.endswith(".pdf"))
        panel.ui.attachmentList.setCurrentIndex(panel.files.index(row, 0))
        assert panel.ui.previewLabel.text().startswith("Pratinjau hanya untuk gambar")
        click(qtbot, panel.ui.openButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in opened] == [str(panel.files.record(row).path)]

    modals.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    click(qtbot, panel.ui.detachButton)
    assert [a.original_name for a in Attachment.select()] == ["Foto Fogging.png"]
    assert panel.model.index(0, 4).data() == "1"


def test_removing_an_item_asks_first_and_a_cancelled_campaign_is_read_only(
        qtbot, ws, staff, campaign, make_window, modals):
    service = Service(ws)
    for topic in ("Pertama", "Kedua"):
        service.add(staff[0].id, campaign.id, DataItemFields(topic))
    window = make_window(ws)
    panel = open_panel(qtbot, window)
    seen: list[str] = []

    def answer(button):
        def handler(box):
            seen.append(box.text())
            box.button(button).click()
        return handler

    modals.then(answer(QMessageBox.StandardButton.No))
    click(qtbot, panel.ui.removeButton)
    assert seen == ['Hapus item "Pertama"?'] and [r.topic for r in service.list(campaign.id)] == ["Pertama", "Kedua"]
    modals.then(answer(QMessageBox.StandardButton.Yes))
    click(qtbot, panel.ui.removeButton)
    assert [r.topic for r in service.list(campaign.id)] == ["Kedua"] and panel.ui.topicEdit.text() == "Kedua"

    ws.campaigns.cancel(staff[0].id, campaign.id, "Acara ditunda")
    window.refresh()
    for widget in (panel.ui.addButton, panel.ui.removeButton, panel.ui.topicEdit, panel.ui.saveButton,
                   panel.ui.attachButton):
        assert not widget.isEnabled(), widget.objectName()
    assert panel.ui.itemsTable.isEnabled() and panel.model.rowCount() == 1


def test_finishing_stores_the_item_being_typed_and_the_panel_fits_a_small_laptop(
        qtbot, ws, staff, campaign, make_window):
    window = make_window(ws)
    panel = open_panel(qtbot, window)
    window.resize(1111, 700)
    assert (window.width(), window.height()) == (1111, 700)
    tab = window.stages.stage(1)
    click(qtbot, tab.ui.startButton)
    panel.ui.topicEdit.setFocus()
    qtbot.keyClicks(panel.ui.topicEdit, "Diketik sebelum Selesai")
    click(qtbot, tab.ui.finishButton)  # the panel is flushed first
    assert tab.ui.statusLabel.text() == "Tepat waktu"
    assert [r.topic for r in Service(ws).list(campaign.id)] == ["Diketik sebelum Selesai"]


def camera_photo(path, width=3000, height=2000):
    """A JPEG as a phone held upright stores it: landscape pixels, EXIF orientation 6 (turn 90°)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(path), "JPG")
    data = path.read_bytes()
    tiff = b"MM\x00\x2a\x00\x00\x00\x08\x00\x01" + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0) + b"\x00" * 4
    exif = b"Exif\x00\x00" + tiff
    path.write_bytes(data[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + data[2:])
    return path


def test_preview_is_decoded_at_its_size_and_only_when_another_attachment_is_shown(
        qtbot, ws, staff, campaign, picture, tmp_path, make_window, monkeypatch):
    reads: list[tuple[str, int, int]] = []

    class CountingReader(QImageReader):
        def read(self):
            size = self.scaledSize()
            reads.append((self.fileName(), size.width(), size.height()))
            return super().read()

    monkeypatch.setattr(attachment_box, "QImageReader", CountingReader, raising=False)
    photo = camera_photo(tmp_path / "Foto Posko.jpg")
    Service(ws).add(staff[0].id, campaign.id, DataItemFields("Kasus DBD"))
    window = make_window(ws)
    panel = open_panel(qtbot, window)
    assert panel.add_attachments([str(photo)]) == 1
    assert len(reads) == 1
    _name, width, height = reads[0]
    assert 0 < width <= 120 and 0 < height <= 120  # decoded small, not 3000 x 2000 pixels
    shown = panel.ui.previewLabel.pixmap()
    assert (shown.width(), shown.height()) == (64, 96)  # upright, as the camera held it, within 120 x 96

    for _ in range(3):  # the window reloads the campaign after every change elsewhere
        panel.load(ws.campaigns.get(campaign.id))
    window.refresh()
    assert len(reads) == 1 and not panel.ui.previewLabel.pixmap().isNull()

    assert panel.add_attachments([str(picture)]) == 1  # another picture: read once
    assert len(reads) == 2 and reads[-1][0].endswith(".png")
    first = next(i for i in range(panel.files.rowCount()) if panel.files.record(i).original_name == photo.name)
    panel.ui.attachmentList.setCurrentIndex(panel.files.index(first, 0))
    assert len(reads) == 3 and panel.ui.previewLabel.pixmap().height() == 96
