"""Stage 5 tab: the disposition panel driven as a user would, inside the main window."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop.db.stage_models import Disposition
from wawaran_desktop.services.clock import to_wib
from wawaran_desktop.services.stages.disposition import Service
from wawaran_desktop.services.workspace import open_workspace


#: 10.00 WIB on Thursday 31 December 2026: the last day of a year, yet far from midnight.
START = datetime(2026, 12, 31, 3, 0, tzinfo=timezone.utc)


class TickingClock:
    """Time that runs as usual from START: the dates a test expects cannot change under it
    (as they could with the computer's clock around midnight WIB or New Year)."""

    def __init__(self, start: datetime = START) -> None:
        self.start, self._t0 = start, time.monotonic()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self._t0)


@pytest.fixture
def clock():
    return TickingClock()


@pytest.fixture
def ws(data_dir, clock):
    workspace = open_workspace(data_dir, clock=clock)
    yield workspace
    workspace.close()


def today(ws):
    """The date in WIB by the workspace's clock, as the services see it."""
    return to_wib(ws.clock()).date()


@pytest.fixture
def setup(ws, staff):
    sub, tim = staff
    dewi = ws.staff.add("Dewi Lestari", None, "Pranata Humas", "tim")
    campaign = ws.campaigns.create(sub.id, "Wawaran PBB", "Jatuh tempo PBB")
    return sub, tim, dewi, campaign


def open_panel(qtbot, window, no=5):
    window.activateWindow()  # focus moves between fields only in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ui.stageTabs.setCurrentIndex(no - 1)
    tab = window.stages.stage(no)
    return tab, tab.panel


def type_and_leave(qtbot, edit, text):
    from wawaran_desktop.views.date_typing import typing_of

    if hasattr(edit, "dateChanged"):  # a date field takes typing once installed (shortly after it is built)
        qtbot.waitUntil(lambda: typing_of(edit) is not None, timeout=5000)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def recipient_item(panel, name):
    items = [panel.ui.recipientList.item(i) for i in range(panel.ui.recipientList.count())]
    return next(item for item in items if item.text().startswith(name))


def test_fields_are_stored_as_the_user_leaves_them_and_survive_a_restart(
        qtbot, ws, data_dir, clock, setup, make_window):
    sub, tim, dewi, campaign = setup
    year = today(ws).year
    assert year == 2026
    window = make_window(ws, sub.id)
    tab, panel = open_panel(qtbot, window)
    assert "saat pertama disimpan" in panel.ui.agendaLabel.text()
    assert panel.ui.halEdit.placeholderText() == "Jatuh tempo PBB"
    assert panel.ui.signerCombo.currentData() == sub.id  # the Sub Kor signs by default

    type_and_leave(qtbot, panel.ui.suratDariEdit, "Bagian Prokomp Setda")
    assert panel.ui.agendaLabel.text() == f"<b>001/DIKP/{year}</b>"
    type_and_leave(qtbot, panel.ui.nomorSuratEdit, "045/117-Prokomp")
    recipient_item(panel, "Budi Santoso").setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel._boxes["Untuk dilaksanakan"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel._boxes["Laporkan hasilnya"], Qt.MouseButton.LeftButton)
    panel.ui.sifatCombo.setFocus()
    assert [panel.ui.sifatCombo.itemText(i) for i in range(panel.ui.sifatCombo.count())] == [
        "Sangat Segera", "Segera", "Rahasia", "Biasa"]  # as offices read them, the most urgent first
    qtbot.keyClick(panel.ui.sifatCombo, Qt.Key.Key_Up)  # Biasa -> Rahasia
    qtbot.keyClick(panel.ui.sifatCombo, Qt.Key.Key_Up)  # -> Segera
    panel.ui.catatanEdit.setFocus()
    qtbot.keyClicks(panel.ui.catatanEdit, "Berangkat pukul 09.00 dari kantor")
    panel.ui.freeTextEdit.setFocus()  # leaving the catatan stores it
    qtbot.keyClicks(panel.ui.freeTextEdit, "Utamakan pasar dan sekolah")  # stored on closing
    record = Service(ws).get(campaign.id)
    assert record.sifat == "Segera" and record.catatan == "Berangkat pukul 09.00 dari kantor"
    assert [r.name for r in record.recipients] == ["Budi Santoso"]
    window.close()
    ws.close()

    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, sub.id)
    _tab, panel = open_panel(qtbot, again)
    assert panel.ui.agendaLabel.text() == f"<b>001/DIKP/{year}</b>"
    assert panel.ui.suratDariEdit.text() == "Bagian Prokomp Setda"
    assert panel.ui.nomorSuratEdit.text() == "045/117-Prokomp"
    assert panel.ui.sifatCombo.currentText() == "Segera"
    assert recipient_item(panel, "Budi Santoso").checkState() == Qt.CheckState.Checked
    assert recipient_item(panel, "Dewi Lestari").checkState() == Qt.CheckState.Unchecked
    assert [p for p, box in panel._boxes.items() if box.isChecked()] == ["Untuk dilaksanakan", "Laporkan hasilnya"]
    assert panel.ui.catatanEdit.toPlainText() == "Berangkat pukul 09.00 dari kantor"
    assert panel.ui.freeTextEdit.toPlainText() == "Utamakan pasar dan sekolah"
    assert "oleh Siti Rahmawati" in panel.ui.savedLabel.text()
    ws2.close()


def test_bad_letter_dates_show_the_message_and_store_nothing(qtbot, ws, setup, make_window):
    from wawaran_desktop.views.date_typing import typing_of

    sub, _tim, _dewi, campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    ui = panel.ui
    for edit in (ui.tanggalSuratEdit, ui.diterimaEdit, ui.dueEdit):  # date fields, typed as the others
        qtbot.waitUntil(lambda e=edit: typing_of(e) is not None, timeout=5000)
        assert edit.text() == "—"
    type_and_leave(qtbot, ui.tanggalSuratEdit, "31/02/2026")  # no such day: refused in the field
    assert ui.tanggalSuratEdit.text() == "—" and "tidak" in typing_of(ui.tanggalSuratEdit).message
    assert Disposition.select().count() == 0

    now = today(ws)
    letter, received = now - timedelta(days=2), now - timedelta(days=3)
    type_and_leave(qtbot, ui.tanggalSuratEdit, letter.strftime("%d/%m/%Y"))
    assert not ui.errorLabel.isVisible()
    type_and_leave(qtbot, ui.diterimaEdit, received.strftime("%d/%m/%Y"))
    assert ui.errorLabel.text() == "Tanggal surat tidak boleh sesudah tanggal surat diterima."
    record = Service(ws).get(campaign.id)
    assert (record.tanggal_surat, record.diterima_tanggal) == (letter, None)
    assert ui.diterimaEdit.text() == received.strftime("%d/%m/%Y")  # what was typed stays

    type_and_leave(qtbot, ui.diterimaEdit, (now - timedelta(days=1)).strftime("%d/%m/%Y"))
    assert not ui.errorLabel.isVisible()
    assert Service(ws).get(campaign.id).diterima_tanggal == now - timedelta(days=1)


def test_a_date_refusal_goes_when_the_other_date_of_the_rule_is_corrected(qtbot, ws, setup, make_window):
    """Issue 15: the message stayed after the input was fixed, when the field corrected was
    not the one refused (Tanggal surat moved back instead of Diterima forward)."""
    sub, _tim, _dewi, campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    ui = panel.ui
    now = today(ws)
    type_and_leave(qtbot, ui.tanggalSuratEdit, (now - timedelta(days=2)).strftime("%d/%m/%Y"))
    type_and_leave(qtbot, ui.diterimaEdit, (now - timedelta(days=3)).strftime("%d/%m/%Y"))  # refused
    assert ui.errorLabel.isVisible()
    type_and_leave(qtbot, ui.tanggalSuratEdit, (now - timedelta(days=4)).strftime("%d/%m/%Y"))  # the letter earlier
    assert not ui.errorLabel.isVisible()
    record = Service(ws).get(campaign.id)
    assert (record.tanggal_surat, record.diterima_tanggal) == (now - timedelta(days=4), now - timedelta(days=3))
    ui.diterimaEdit.setFocus()
    qtbot.keyClick(ui.diterimaEdit, Qt.Key.Key_Delete)  # emptied: stored as none
    assert Service(ws).get(campaign.id).diterima_tanggal is None and ui.diterimaEdit.text() == "—"


def test_the_pattern_editor_checks_the_pattern_before_storing_it(qtbot, ws, setup, make_window):
    sub, _tim, _dewi, campaign = setup
    year = today(ws).year
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    qtbot.mouseClick(panel.ui.patternButton, Qt.MouseButton.LeftButton)
    assert panel.ui.patternFrame.isVisible() and panel.ui.patternEdit.text() == "{seq:03d}/DIKP/{year}"
    panel.ui.patternEdit.selectAll()
    qtbot.keyClicks(panel.ui.patternEdit, "{nomor}/{year}")
    assert panel.ui.patternPreview.text().startswith("Kolom {nomor} tidak dikenal")
    assert not panel.ui.patternSaveButton.isEnabled()
    assert Service(ws).agenda_pattern() == "{seq:03d}/DIKP/{year}"

    panel.ui.patternEdit.selectAll()
    qtbot.keyClicks(panel.ui.patternEdit, "{seq}/{month_roman}/DISKOMINFO/{year}")
    assert panel.ui.patternPreview.text().startswith("Contoh: 1/")
    qtbot.mouseClick(panel.ui.patternSaveButton, Qt.MouseButton.LeftButton)
    assert not panel.ui.patternFrame.isVisible()
    type_and_leave(qtbot, panel.ui.halEdit, "Sosialisasi jatuh tempo PBB")
    number = Service(ws).get(campaign.id).agenda_number
    assert number.startswith("1/") and number.endswith(f"/DISKOMINFO/{year}")
    assert panel.ui.agendaLabel.text() == f"<b>{number}</b>"
    assert not panel.ui.yearNoticeLabel.isVisible()

    panel.ui.dateEdit.setDate(QDate(year + 1, 1, 5))  # the date moves to next year: the number stays
    assert Service(ws).get(campaign.id).disposed_on.year == year + 1
    assert panel.ui.agendaLabel.text() == f"<b>{number}</b>"
    assert panel.ui.yearNoticeLabel.isVisible() and "tidak diubah" in panel.ui.yearNoticeLabel.text()


def test_finishing_an_incomplete_disposition_is_refused(qtbot, ws, setup, make_window, modals):
    sub, tim, _dewi, campaign = setup
    ws.steps.start(sub.id, campaign.id, 5, reason="Disposisi lebih dulu")
    window = make_window(ws, sub.id)
    tab, panel = open_panel(qtbot, window)
    messages: list[str] = []

    def read_message(box):
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.accept()

    modals.then(read_message)
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert modals.pending == 0
    assert messages[0].startswith("Disposisi belum lengkap: ")
    assert "diteruskan kepada" in messages[0] and "instruksi" in messages[0]
    assert ws.campaigns.get(campaign.id).step(5).finished_at is None

    recipient_item(panel, "Budi Santoso").setCheckState(Qt.CheckState.Checked)
    panel.ui.freeTextEdit.setFocus()
    qtbot.keyClicks(panel.ui.freeTextEdit, "Siapkan mobil wawaran")  # stored when finishing
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert ws.campaigns.get(campaign.id).step(5).finished_at is not None
    assert Service(ws).get(campaign.id).free_text == "Siapkan mobil wawaran"


def test_closing_with_a_refused_field_warns_and_keeps_what_was_typed(qtbot, ws, setup, make_window, modals):
    sub, _tim, _dewi, campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    panel.ui.nomorSuratEdit.setFocus()
    qtbot.keyClicks(panel.ui.nomorSuratEdit, "9" * 101)  # still in the field
    seen: list[str] = []

    def warned(box):
        seen.append(box.text())
        box.accept()

    def keep_open(box):
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    modals.then(warned).then(keep_open)
    window.close()
    assert modals.pending == 0
    assert seen[0] == "Nomor surat terlalu panjang (101 karakter, maksimal 100)."
    assert "Tetap tutup aplikasi?" in seen[1]
    assert window.isVisible() and panel.ui.nomorSuratEdit.text() == "9" * 101
    assert Disposition.select().count() == 0

    panel.ui.nomorSuratEdit.setText("045/117-Prokomp")
    window.close()
    assert not window.isVisible()
    assert Service(ws).get(campaign.id).nomor_surat == "045/117-Prokomp"


def test_the_signer_list_offers_only_the_steps_own_lane(qtbot, ws, setup, make_window):
    """The disposition is signed by a Sub Kor (step 5's primary lane in the SOP): no one else is offered."""
    sub, tim, dewi, _campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    combo = panel.ui.signerCombo
    assert [combo.itemData(i) for i in range(combo.count())] == [None, sub.id]


def test_the_calendar_of_an_empty_letter_date_opens_on_this_month(qtbot, ws, setup, make_window):
    """An empty date field holds its "empty" minimum (31/12/1999): its calendar opens on today's month."""
    sub, _tim, _dewi, _campaign = setup
    window = make_window(ws, sub.id)
    _tab, panel = open_panel(qtbot, window)
    edit = panel.ui.tanggalSuratEdit
    assert edit.text() == "—"
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 6, edit.height() // 2))  # its arrow
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (today(ws).year, today(ws).month)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert edit.text() == "—"  # looking changed nothing
