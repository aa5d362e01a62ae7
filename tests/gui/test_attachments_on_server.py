"""The attachments box of stage 1 on an office server (PostgreSQL): a file one PC attached is
previewed and opened on another PC (a copy fetched into that PC's cache/), and a file attached
from the box is stored in the database, not in the data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop.db.stage_models import Attachment, StoredFile
from wawaran_desktop.services.stages.data_collection import DataItemFields, Service
from wawaran_desktop.services.workspace import open_workspace


@pytest.fixture
def other_pc(tmp_path, clock, pg_empty_url):
    """The Sub Kor's PC: its own data folder on the office's database."""
    workspace = open_workspace(tmp_path / "pc-subkor", clock=clock, database_url=pg_empty_url)
    yield workspace
    workspace.close()


@pytest.fixture
def ws(data_dir, clock, pg_empty_url, other_pc):
    """This PC: another data folder on the same database (opened after the other PC)."""
    workspace = open_workspace(data_dir, clock=clock, database_url=pg_empty_url)
    yield workspace
    workspace.close()


def picture(path, colour="#3a7bd5"):
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


class Opener(QObject):
    """Stands in for the system's viewer: records the files the window asks it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def test_a_file_attached_on_one_pc_is_previewed_and_opened_on_another(
        qtbot, other_pc, ws, data_dir, staff, tmp_path, make_window, modals):
    sub = staff[0]
    campaign = other_pc.campaigns.create(sub.id, "Wawaran Pencegahan DBD")
    service = Service(other_pc)
    item = service.add(sub.id, campaign.id, DataItemFields("Kasus DBD"))
    photo = picture(tmp_path / "Foto Fogging.png")
    service.attach(sub.id, campaign.id, item.id, photo)

    window = make_window(ws)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(0)
    panel = window.stages.stage(1).panel
    assert panel.files.rowCount() == 1
    assert not panel.ui.previewLabel.pixmap().isNull()  # fetched from the server into this PC's cache
    cached = data_dir / "cache" / Attachment.get().stored_name
    assert cached.read_bytes() == photo.read_bytes()

    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        qtbot.mouseClick(panel.ui.openButton, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opener.opened == [str(cached)]

    pdf = tmp_path / "Rilis Dinkes.pdf"
    pdf.write_bytes(b"%PDF-1.4 rilis")
    assert panel.add_attachments([pdf]) == 1
    assert sorted(r.name for r in StoredFile.select()) == sorted(a.stored_name for a in Attachment.select())
    assert not (data_dir / "attachments").exists()
    assert [a.original_name for a in service.attachments(campaign.id, item.id)] == ["Foto Fogging.png",
                                                                                   "Rilis Dinkes.pdf"]

    row = next(i for i in range(panel.files.rowCount()) if panel.files.record(i).original_name == photo.name)
    panel.ui.attachmentList.setCurrentIndex(panel.files.index(row, 0))
    modals.then(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(panel.ui.detachButton, Qt.MouseButton.LeftButton)
    assert modals.pending == 0 and not modals.errors
    assert [a.original_name for a in Attachment.select()] == ["Rilis Dinkes.pdf"]
    assert [r.name for r in StoredFile.select()] == [Attachment.get().stored_name] and not cached.exists()


def test_a_file_the_server_would_not_hold_is_refused_in_the_box(
        qtbot, ws, data_dir, staff, tmp_path, make_window):
    campaign = ws.campaigns.create(staff[0].id, "Wawaran Pencegahan DBD")
    Service(ws).add(staff[0].id, campaign.id, DataItemFields("Kasus DBD"))
    window = make_window(ws)
    window.ui.stageTabs.setCurrentIndex(0)
    panel = window.stages.stage(1).panel
    big = tmp_path / "Video Fogging.mp4"
    with big.open("wb") as out:
        out.truncate(12 * 1024 * 1024)
    assert panel.add_attachments([big]) == 0
    assert panel.ui.errorLabel.text().startswith("Berkas Video Fogging.mp4 terlalu besar (12 MB); batasnya 10 MB")
    assert Attachment.select().count() == StoredFile.select().count() == 0

