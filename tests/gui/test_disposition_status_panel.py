"""Stage 5 tab: each recipient's SRIKANDI status, read on opening, and the follow-up recorded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPlainTextEdit

from wawaran_desktop.db.models import AuditEntry
from wawaran_desktop.db.stage_models import DispositionRecipient
from wawaran_desktop.services.stages.disposition import DispositionDraft, Service
from wawaran_desktop.views.stages.disposition import Panel

READ_AT = "27 November 2026 pukul 06.30 WIB"  # the GUI tests' clock: 06.30 WIB


@pytest.fixture
def setup(ws, staff):
    sub, budi = staff
    dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
    cid = ws.campaigns.create(sub.id, "Wawaran PBB", "Jatuh tempo PBB").id
    Service(ws).save(sub.id, cid, DispositionDraft(
        disposed_on=ws.today(), hal="Pelaksanaan wawaran", recipient_ids=(budi.id, dewi.id),
        instructions=("Untuk dilaksanakan",), signer_id=sub.id))
    return sub, budi, dewi, cid


@pytest.fixture
def open_panel(qtbot, ws):
    def make(actor_id: int, cid: int, show: bool = True) -> Panel:
        panel = Panel(ws, lambda: actor_id)
        qtbot.addWidget(panel)
        panel.resize(620, 520)
        panel.load(ws.campaigns.get(cid))
        if show:
            panel.show()
            qtbot.waitExposed(panel)
        return panel

    return make


def table(panel) -> list[list[str]]:
    t = panel.ui.statusTable
    return [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]


def read_at(cid, staff_id):
    return DispositionRecipient.get((DispositionRecipient.campaign == cid)
                                    & (DispositionRecipient.staff == staff_id)).read_at


def answer(text: str | None):
    """Type ``text`` in the follow-up dialog and press OK (None: Batal)."""
    def handler(dialog):
        assert isinstance(dialog, QInputDialog) and dialog.windowTitle() == "Catat Tindak Lanjut"
        if text is None:
            dialog.reject()
            return
        dialog.findChild(QPlainTextEdit).setPlainText(text)
        dialog.accept()
    return handler


def test_everyone_sees_each_recipients_status_and_the_signer_reads_nothing(ws, setup, open_panel):
    sub, budi, dewi, cid = setup
    panel = open_panel(sub.id, cid)
    assert panel.ui.statusTable.isVisible()
    assert [panel.ui.statusTable.horizontalHeaderItem(c).text() for c in range(3)] == ["Nama", "Status", "Waktu"]
    assert table(panel) == [["Budi Santoso", "Belum dibaca", "—"], ["Dewi Lestari", "Belum dibaca", "—"]]
    assert not panel.ui.followUpFrame.isVisible()  # the Sub Kor is no recipient
    assert read_at(cid, budi.id) is None and read_at(cid, dewi.id) is None


def test_a_recipient_opening_the_tab_reads_it(ws, setup, open_panel):
    _sub, budi, dewi, cid = setup
    panel = open_panel(budi.id, cid, show=False)
    assert read_at(cid, budi.id) is None  # loaded but not on screen: not read yet
    with_signal = []
    panel.changed.connect(lambda: with_signal.append(True))
    panel.show()
    assert read_at(cid, budi.id) is not None and with_signal == [True]
    assert table(panel) == [["Budi Santoso", "Dibaca", READ_AT], ["Dewi Lestari", "Belum dibaca", "—"]]
    assert panel.ui.followUpFrame.isVisible()
    assert "Status: <b>Dibaca</b>" in panel.ui.myStatusLabel.text()
    panel.load(ws.campaigns.get(cid))  # a refresh reads nothing again
    assert AuditEntry.select().where(AuditEntry.action == "disposition.read").count() == 1
    assert read_at(cid, dewi.id) is None


def test_a_recipient_records_the_follow_up(qtbot, ws, setup, open_panel, modals):
    _sub, budi, _dewi, cid = setup
    panel = open_panel(budi.id, cid)
    assert panel.ui.followUpButton.text() == "Catat Tindak Lanjut…"
    modals.then(answer("Sopir dan pelantang sudah siap; berangkat 08.00."))
    qtbot.mouseClick(panel.ui.followUpButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not modals.pending)
    assert table(panel)[0][:2] == ["Budi Santoso", "Ditindaklanjuti"]
    assert panel.ui.statusTable.item(0, 1).toolTip() == "Tindak lanjut: Sopir dan pelantang sudah siap; berangkat 08.00."
    assert "berangkat 08.00." in panel.ui.myStatusLabel.text()
    assert panel.ui.followUpButton.text() == "Ubah Tindak Lanjut…"
    stored = DispositionRecipient.get((DispositionRecipient.campaign == cid) & (DispositionRecipient.staff == budi.id))
    assert stored.follow_up == "Sopir dan pelantang sudah siap; berangkat 08.00." and stored.followed_up_at


def test_an_empty_follow_up_is_refused_in_indonesian_and_asked_again(qtbot, ws, setup, open_panel, modals):
    _sub, budi, _dewi, cid = setup
    panel = open_panel(budi.id, cid)

    def refused(box):
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Tindak lanjut belum tercatat"
        assert box.text() == "Tindak lanjut wajib diisi."
        box.accept()

    modals.then(answer("   ")).then(refused).then(answer(None))
    qtbot.mouseClick(panel.ui.followUpButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not modals.pending)
    assert len(modals.seen) == 3
    assert table(panel)[0][1] == "Dibaca"  # opened, not followed up


def test_the_sub_kor_adding_a_recipient_keeps_the_others_status(qtbot, ws, staff, setup, open_panel):
    sub, budi, _dewi, cid = setup
    open_panel(budi.id, cid)  # Budi reads it on his PC
    agus = ws.staff.add("Agus Supriatna", None, "Pengemudi", "kernet")
    panel = open_panel(sub.id, cid)
    items = [panel.ui.recipientList.item(i) for i in range(panel.ui.recipientList.count())]
    agus_item = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == agus.id)
    agus_item.setCheckState(Qt.CheckState.Checked)  # stored at once, as a tick is
    assert table(panel) == [["Agus Supriatna", "Belum dibaca", "—"], ["Budi Santoso", "Dibaca", READ_AT],
                            ["Dewi Lestari", "Belum dibaca", "—"]]
