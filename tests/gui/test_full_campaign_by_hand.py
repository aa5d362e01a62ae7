"""Issue 3's acceptance walk: a new user records a whole campaign by hand, then restarts.

Everything is entered through the real widgets — typing, ticking, picking from lists and
clicking buttons — starting from a new data folder whose only person is the office's first
administrator, the Sub Kor, signed in (the first-start assistant that makes her is tested in
test_first_start.py): the rest of the staff directory, the "Kampanye Baru" dialog, then for each
of the nine stage tabs in order the person of that stage's lane takes the PC through *Berkas →
Ganti Pengguna* (the SOP's lanes are permissions, services/lanes.py), and clicks Mulai, enters that
stage's real content in its panel, and Selesai. Services are only read, to check what got
stored (and to give each person the account they sign in with, as the administrator does).
The window and the data folder are then closed and opened again, and every stage's content is
checked once more, in the services' records and on screen.

The clock is injected and moved on between actions, so every stored time is known and the
stages take realistic minutes within their SOP standards (Tuesday 24 November 2026, WIB).
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

from documents_by_hand import export_every_document  # tests/documents_by_hand.py
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from reach import ReachingBot, reach  # tests/reach.py
from switch_person import switch_person  # tests/switch_person.py

from wawaran_desktop.services.clock import WIB
from wawaran_desktop.services.records import CampaignStatus
from wawaran_desktop.services.stages import (
    briefing,
    data_collection,
    disposition,
    dissemination,
    evaluation,
    narration,
    readiness,
    report,
    theme,
)
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.text import readaloud
from wawaran_desktop.text.formatting import long_date_time
from wawaran_desktop.views.campaign_dialog import CampaignDialog
from wawaran_desktop.views.staff_dialog import StaffDialog

DAY = date(2026, 11, 24)  # a Tuesday

# -- who works in the office ---------------------------------------------------------------
KABID, SUBKOR, BUDI, DEWI, JOKO = ("Drs. Ahmad Fauzi", "Siti Rahmawati", "Budi Santoso", "Dewi Lestari",
                                   "Joko Susilo")
STAFF = (  # name, NIP as typed, position, lane: the first is the first administrator, already there
    (SUBKOR, "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor"),
    (KABID, "19700815 199503 1 002", "Kepala Bidang DIKP", "kabid"),
    (BUDI, "19900101 201501 1 002", "Pranata Humas Ahli Pertama", "tim"),
    (DEWI, "19920520 201801 2 003", "Pranata Humas Terampil", "tim"),
    (JOKO, "", "Pengemudi Mobil Wawaran", "kernet"),
)
TITLE = "Wawaran Pencegahan DBD di Cipondoh"

# -- what each stage records ---------------------------------------------------------------
ITEM_1 = dict(topic="Kasus DBD meningkat di Kecamatan Cipondoh",
              summary="Dinas Kesehatan mencatat 48 kasus demam berdarah sepanjang November, naik dari 19 kasus "
                      "pada Oktober.",
              source_kind="dimc", reference="https://tangerangkota.go.id/berita/dbd-cipondoh", priority=1)
ITEM_2 = dict(topic="Gerakan PSN 3M Plus serentak setiap Jumat",
              summary="Warga diminta menguras, menutup dan mendaur ulang wadah air setiap Jumat pagi.",
              source_kind="other", source_name="Dinas Kesehatan Kota Tangerang",
              reference="Surat Dinkes No. 443/2150-P2P", priority=2)
PICTURE = "Grafik kasus DBD.png"

BRIEFING_PLACE = "Ruang Rapat Bidang DIKP, Puspemkot Lt. 4"
AGENDA = ["1. Data kasus DBD dari Dinkes", "2. Lokasi dan jam wawaran", "3. Pembagian tugas"]
TECH_NOTES = ["Mobil berangkat dari Puspemkot", "Bawa 500 selebaran PSN"]
ATTENDEES = (KABID, SUBKOR, BUDI, DEWI)
STOPS = (  # kecamatan, kelurahan, address, planned time, Kemendagri code
    ("Cipondoh", "Gondrong", "Pasar Gondrong", QTime(8, 45), "36.71.05.1004"),
    ("Tangerang", "Sukasari", "Alun-alun Ahmad Yani", QTime(9, 40), "36.71.01.1007"),
)

NOTULEN = ["Briefing dipimpin Kepala Bidang DIKP.", "Kasus DBD di Cipondoh naik; wawaran fokus pada PSN 3M Plus.",
           "Rute: Pasar Gondrong lalu Alun-alun Ahmad Yani."]
THEME = "Cegah DBD dengan PSN 3M Plus setiap Jumat"

NARRATION_V1 = ("Selamat pagi warga Kota Tangerang. Kasus demam berdarah di Kecamatan Cipondoh terus meningkat. "
                "Mari lakukan 3M Plus: menguras, menutup, dan mendaur ulang barang bekas.")
NARRATION_ADDED = " Setiap hari Jumat kita bergerak serentak memberantas sarang nyamuk. Terima kasih."
NARRATION_V2 = NARRATION_V1 + NARRATION_ADDED

DISPO = dict(surat_dari="Kepala Dinas Kominfo", nomor_surat="045/1120-DIKP/2026", tanggal_surat="23/11/2026",
             diterima_tanggal="24/11/2026", sifat="Segera",
             hal="Wawaran keliling pencegahan DBD di Kecamatan Cipondoh",
             instructions=("Untuk dilaksanakan", "Koordinasikan", "Laporkan hasilnya"),
             free_text="Utamakan pasar dan permukiman padat", catatan="Berangkat pukul 08.30 dari Puspemkot")
DISPO_RECIPIENTS = (BUDI, DEWI)

FLYERS_PREPARED = 500
SOUND_NOTE = "Mikrofon cadangan dibawa"

STAGE_7_NOTES = "Jalan KH Hasyim Ashari padat; mobil lewat jalur alternatif."
VISITS = (  # arrive, depart (WIB), flyers, audience, notes
    ((8, 44), (9, 2), 220, 150, ""),
    ((9, 38), (10, 5), 260, 180, "Pengeras suara sempat mati 5 menit; diganti mikrofon cadangan."),
)
REPORT_ADDED = ["V. Penutup", "Kegiatan berjalan lancar; warga antusias menerima selebaran."]

SCORES = {"timelinessCombo": 5, "reachCombo": 4, "narrationCombo": 4}
EVAL_NOTES = "Narasi jelas; jangkauan baik di pasar, kurang di permukiman padat."
FOLLOWUPS = ("Tambah titik di Kelurahan Poris Gaga", "Siapkan mikrofon cadangan sejak awal", "Cetak 600 selebaran")

# stage: (who acts and is assigned, Mulai, Selesai) in WIB
SCHEDULE = {
    1: (SUBKOR, (7, 40), (7, 56)),
    2: (SUBKOR, (7, 58), (8, 6)),
    3: (KABID, (8, 7), (8, 11)),
    4: (BUDI, (8, 12), (8, 16)),
    5: (SUBKOR, (8, 17), (8, 21)),
    6: (DEWI, (8, 22), (8, 26)),
    7: (JOKO, (8, 30), (10, 20)),
    8: (BUDI, (10, 25), (10, 33)),
    9: (KABID, (10, 35), (10, 39)),
}


def wib(hour: int, minute: int, day: date = DAY) -> datetime:
    """An aware UTC moment for a WIB wall-clock time."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB).astimezone(timezone.utc)


class Clock:
    """The workspace's clock, set by the test to the WIB time of each action."""

    def __init__(self) -> None:
        self.now = wib(7, 30)

    def __call__(self) -> datetime:
        return self.now

    def set(self, hour: int, minute: int) -> None:
        moment = wib(hour, minute)
        assert moment >= self.now, "the clock only moves forward"
        self.now = moment

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


# -- doing things as a user does -----------------------------------------------------------
def click(qtbot, button: QWidget) -> None:
    assert button.isEnabled(), f"{button.objectName() or button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_line(qtbot, edit: QLineEdit, text: str) -> None:
    """Replace a one-line field's text by typing, then leave it with Tab (stores it)."""
    if hasattr(edit, "dateChanged"):  # a date field takes typing once installed, shortly after it is built
        from wawaran_desktop.views.date_typing import typing_of

        qtbot.waitUntil(lambda: typing_of(edit) is not None, timeout=5000)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def type_lines(qtbot, edit: QWidget, lines: list[str] | tuple[str, ...]) -> None:
    """Type several lines into a multi-line editor (Return between them); the focus stays."""
    edit.setFocus()
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, line)


def pick(combo: QComboBox, text: str | None = None, data: object = None) -> None:
    """Choose an entry from a drop-down as a click in its list does (``activated`` follows).

    ``text``: the first entry whose text starts with it; otherwise the entry with ``data``.
    """
    reach(combo)  # on screen, where the user can click it
    combo.setFocus()  # clicking a drop-down takes the focus from the field being typed in
    if text is not None:
        index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
    else:
        index = combo.findData(data)
    assert index >= 0, f"{combo.objectName()}: no entry {text or data!r} in " \
                       f"{[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def tick(qtbot, view: QListWidget | QTreeWidget, item) -> None:
    """Tick (or untick) a check box in a list with the keyboard: select the row, press Space.

    Some lists are rebuilt from what was stored as soon as a box is ticked: the row is read again.
    """
    if isinstance(view, QTreeWidget):
        row = view.indexOfTopLevelItem(item)
        view.setCurrentItem(item, 0)
        before = item.checkState(0)
    else:
        row = view.row(item)
        view.setCurrentItem(item)
        before = item.checkState()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    after = view.topLevelItem(row).checkState(0) if isinstance(view, QTreeWidget) else view.item(row).checkState()
    assert after != before, "Space did not toggle the check box"


def list_item(view: QListWidget, prefix: str):
    items = [view.item(i) for i in range(view.count())]
    found = [item for item in items if item.text().startswith(prefix)]
    assert found, f"{prefix!r} not in {[item.text() for item in items]}"
    return found[0]


def checked_texts(view: QListWidget) -> list[str]:
    return [view.item(i).text() for i in range(view.count())
            if view.item(i).checkState() == Qt.CheckState.Checked]


def click_tab(qtbot, tabs: QTabWidget, index: int) -> None:
    """Click a tab's label; a tab scrolled out of the bar is chosen as its scroll arrows would."""
    bar = tabs.tabBar()
    centre = bar.tabRect(index).center()
    if bar.rect().contains(centre):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=centre)
    else:
        tabs.setCurrentIndex(index)
    assert tabs.currentIndex() == index


def click_row(qtbot, view, index) -> None:
    """Click a row of a table view, or an item of a tree widget."""
    rect = view.visualItemRect(index) if isinstance(view, QTreeWidget) else view.visualRect(index)
    assert rect.isValid() and view.viewport().rect().contains(rect.center()), "row not on screen"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def activate(qtbot, window) -> None:
    """Focus moves between fields only in the active window; a window manager gives the
    activation back after a dialog closes, the offscreen platform has none (and it activates every
    window it shows, a floating chart restored at start-up too): asked again until it holds."""
    def active() -> bool:
        if QApplication.activeWindow() is not window:
            window.activateWindow()
        return QApplication.activeWindow() is window

    qtbot.waitUntil(active)


def open_stage(qtbot, window, no: int):
    activate(qtbot, window)
    click_tab(qtbot, window.ui.stageTabs, no - 1)
    return window.stages.stage(no)


def act_as(qtbot, window, modals, name: str) -> None:
    """The person takes the PC: *Ganti Pengguna* and their own sign-in, unless they are signed in
    already; the window then says who acts."""
    person = next(p for p in window.ws.staff.list() if p.name == name)
    if window.current_actor() != person.id:
        switch_person(window, modals, person.id)
        activate(qtbot, window)
    assert window.ui.accountLabel.text().startswith(f"{name} (")


def start_stage(qtbot, window, modals, clock: Clock, no: int):
    """Open the stage's tab as its main actor, take the step on (assignee, kelengkapan), click Mulai."""
    person, (hour, minute), _ = SCHEDULE[no]
    tab = open_stage(qtbot, window, no)
    act_as(qtbot, window, modals, person)
    assert window.ui.stageTabs.currentIndex() == no - 1  # the campaign and its tab stay for the next person
    clock.set(hour, minute)
    click(qtbot, tab.ui.startButton)
    assert tab.ui.statusLabel.text() == "Berjalan", f"stage {no}"
    assert tab.ui.historyList.item(0).text() == f"{long_date_time(wib(hour, minute))} — Mulai oleh {person}"
    pick(tab.ui.assigneeCombo, text=person)
    return tab


def tick_kelengkapan(qtbot, tab) -> None:
    """Tick each item of the stage's kelengkapan list (every tick reloads the list)."""
    click_tab(qtbot, tab.ui.sideTabs, tab.ui.sideTabs.indexOf(tab.ui.checklistPage))  # "Kelengkapan"
    for i in range(tab.ui.checklist.count()):
        tick(qtbot, tab.ui.checklist, tab.ui.checklist.item(i))
    assert all(tab.ui.checklist.item(i).checkState() == Qt.CheckState.Checked
               for i in range(tab.ui.checklist.count()))


def finish_stage(qtbot, window, clock: Clock, no: int, tab) -> None:
    _, _, (hour, minute) = SCHEDULE[no]
    clock.set(hour, minute)
    click(qtbot, tab.ui.finishButton)
    assert tab.ui.statusLabel.text() == "Tepat waktu", f"stage {no}: {tab.ui.statusLabel.text()}"
    assert not tab.ui.finishButton.isEnabled() and tab.ui.reopenButton.isEnabled()
    assert window.ui.stageTabs.currentIndex() == min(no, 8)  # on to the next stage's tab


# -- the office and the campaign -----------------------------------------------------------
def add_staff_in_directory(qtbot, window, modals) -> None:
    """The administrator enters the rest of the office (the first person is there already)."""
    def fill_directory(dialog):
        assert isinstance(dialog, StaffDialog)
        ui = dialog.ui
        assert dialog.model.rowCount() == 1
        for n, (name, nip, position, lane) in enumerate(STAFF[1:], 1):
            click(qtbot, ui.newButton)
            assert ui.editBox.title() == "Petugas baru" and ui.nameEdit.text() == ""
            qtbot.keyClicks(ui.nameEdit, name)
            qtbot.keyClicks(ui.nipEdit, nip)
            qtbot.keyClicks(ui.positionEdit, position)
            ui.laneCombo.setCurrentIndex(ui.laneCombo.findData(lane))
            click(qtbot, ui.saveButton)
            assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
            assert dialog.model.rowCount() == n + 1
        click(qtbot, ui.buttonBox.button(QDialogButtonBox.StandardButton.Close))

    modals.then(fill_directory)
    window.ui.actionStaffDirectory.trigger()  # menu Petugas → Direktori Petugas
    assert modals.pending == 0


def create_campaign(qtbot, window, modals) -> None:
    def fill(dialog):
        assert isinstance(dialog, CampaignDialog)
        assert dialog.windowTitle() == "Kampanye Baru"
        qtbot.keyClicks(dialog.ui.titleEdit, TITLE)  # the theme is decided at stage 3
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    modals.then(fill)
    window.ui.actionNewCampaign.trigger()
    assert modals.pending == 0


# -- the nine stages -----------------------------------------------------------------------
def stage_1_data_collection(qtbot, window, modals, clock, picture) -> None:
    tab = start_stage(qtbot, window, modals, clock, 1)
    panel = tab.panel
    ui = panel.ui
    assert ui.editBox.title() == "Item data baru"

    type_line(qtbot, ui.topicEdit, ITEM_1["topic"])  # a new item is stored with its topic
    assert panel.model.rowCount() == 1
    ui.summaryEdit.setFocus()
    qtbot.keyClicks(ui.summaryEdit, ITEM_1["summary"])
    pick(ui.sourceCombo, data=ITEM_1["source_kind"])
    type_line(qtbot, ui.referenceEdit, ITEM_1["reference"])
    pick(ui.priorityCombo, data=ITEM_1["priority"])
    clock.advance(minutes=3)
    assert panel.add_attachments([picture]) == 1  # what "Tambah lampiran…" does with the chosen file
    assert panel.files.rowCount() == 1 and panel.files.index(0, 0).data().startswith(PICTURE + " (")
    assert ui.previewLabel.pixmap() is not None and not ui.previewLabel.pixmap().isNull()

    clock.advance(minutes=4)
    click(qtbot, ui.addButton)
    assert ui.editBox.title() == "Item data baru" and ui.topicEdit.hasFocus()
    type_line(qtbot, ui.topicEdit, ITEM_2["topic"])
    ui.summaryEdit.setFocus()
    qtbot.keyClicks(ui.summaryEdit, ITEM_2["summary"])
    pick(ui.sourceCombo, data="other")  # "Lainnya" asks for the source's name
    assert ui.sourceNameEdit.hasFocus()
    type_line(qtbot, ui.sourceNameEdit, ITEM_2["source_name"])
    type_line(qtbot, ui.referenceEdit, ITEM_2["reference"])
    assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
    assert [panel.model.index(r, 1).data() for r in range(2)] == [ITEM_1["topic"], ITEM_2["topic"]]
    assert [panel.model.index(r, 4).data() for r in range(2)] == ["1", ""]

    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 1, tab)


def stage_2_briefing(qtbot, window, modals, clock) -> None:
    tab = start_stage(qtbot, window, modals, clock, 2)
    panel = tab.panel
    ui = panel.ui
    click_tab(qtbot, ui.sectionTabs, 0)
    assert ui.heldAtEdit.text() == "belum diisi"
    qtbot.mouseClick(ui.heldAtEdit, Qt.MouseButton.LeftButton, pos=QPoint(20, ui.heldAtEdit.height() // 2))
    assert ui.heldAtEdit.dateTime() == QDateTime(QDate(2026, 11, 24), QTime(7, 58))  # a click starts from now
    ui.heldAtEdit.setDateTime(QDateTime(QDate(2026, 11, 24), QTime(8, 0)))  # the time the meeting began
    assert ui.heldAtLabel.text() == "Selasa, 24 November 2026 pukul 08.00 WIB"
    type_line(qtbot, ui.placeEdit, BRIEFING_PLACE)
    for name in ATTENDEES:
        tick(qtbot, ui.attendeesList, list_item(ui.attendeesList, name))
    type_lines(qtbot, ui.agendaEdit, AGENDA)
    type_lines(qtbot, ui.notesEdit, TECH_NOTES)
    assert not ui.meetingError.isVisible(), ui.meetingError.text()

    clock.advance(minutes=3)
    click_tab(qtbot, ui.sectionTabs, 1)
    for kecamatan, kelurahan, address, planned, _code in STOPS:
        pick(ui.areaPicker.kecamatan_combo, text=kecamatan)
        pick(ui.areaPicker.kelurahan_combo, text=kelurahan)
        type_line(qtbot, ui.addressEdit, address)
        ui.timeEdit.setTime(planned)
        click(qtbot, ui.addButton)
        assert not ui.locationsError.isVisible(), ui.locationsError.text()
    model = panel.model
    assert [tuple(model.index(r, c).data() for c in range(4)) for r in range(model.rowCount())] == [
        ("1", "Gondrong (Kec. Cipondoh)", "Pasar Gondrong", "08.45"),
        ("2", "Sukasari (Kec. Tangerang)", "Alun-alun Ahmad Yani", "09.40")]

    click_tab(qtbot, ui.sectionTabs, 2)
    for topic in (ITEM_1["topic"], ITEM_2["topic"]):
        tick(qtbot, ui.topicsList, list_item(ui.topicsList, topic))
    assert ui.topicsHint.text().endswith("(2 dari 2 dipilih).")

    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 2, tab)


def stage_3_theme(qtbot, window, modals, clock) -> None:
    tab = start_stage(qtbot, window, modals, clock, 3)
    ui = tab.panel.ui
    type_lines(qtbot, ui.notulenEdit, NOTULEN)
    clock.advance(minutes=2)
    type_line(qtbot, ui.themeEdit, THEME)
    assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
    assert f"Tema: {THEME}" in window.ui.metaLabel.text()  # the header follows at once
    clock.advance(minutes=1)
    pick(ui.deciderCombo, text=KABID)
    assert ui.decidedAtLabel.text() == "Selasa, 24 November 2026 pukul 08.10 WIB"
    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 3, tab)


def stage_4_narration(qtbot, window, modals, clock) -> None:
    tab = start_stage(qtbot, window, modals, clock, 4)
    panel = tab.panel
    ui = panel.ui
    qtbot.waitUntil(lambda: panel.spelling_ready, timeout=10_000)  # the dictionary loads on the thread pool
    click_tab(qtbot, ui.narrationTabs, 0)
    ui.editor.setFocus()
    qtbot.keyClicks(ui.editor, NARRATION_V1)
    clock.advance(minutes=1)
    click(qtbot, ui.saveButton)
    assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
    clock.advance(minutes=1)
    ui.editor.moveCursor(ui.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(ui.editor, NARRATION_ADDED)
    stats = readaloud.describe(readaloud.estimate(NARRATION_V2, ui.rateSpin.value()))
    qtbot.waitUntil(lambda: ui.statsLabel.text() == stats)  # live word count and read-aloud time
    click(qtbot, ui.saveButton)
    assert ui.saveStatusLabel.text().startswith(f"Versi 2 · {BUDI}")

    clock.advance(minutes=1)
    click_tab(qtbot, ui.narrationTabs, 1)
    tree = ui.versionTree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["2", "1"]
    click_row(qtbot, tree, tree.topLevelItem(0))
    assert panel.selected_numbers() == [2]
    click(qtbot, ui.finalButton)
    panel = window.stages.stage(4).panel
    assert panel.ui.versionTree.topLevelItem(0).text(4) == "Final"
    assert panel.ui.saveStatusLabel.text().endswith("final: versi 2")
    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 4, tab)


def stage_5_disposition(qtbot, window, modals, clock) -> None:
    tab = start_stage(qtbot, window, modals, clock, 5)
    panel = tab.panel
    ui = panel.ui
    assert ui.halEdit.placeholderText() == THEME  # hal defaults to the theme
    assert ui.dateEdit.date() == QDate(2026, 11, 24)
    type_line(qtbot, ui.suratDariEdit, DISPO["surat_dari"])
    assert ui.agendaLabel.text() == "<b>001/DIKP/2026</b>"  # numbered at the first save
    type_line(qtbot, ui.nomorSuratEdit, DISPO["nomor_surat"])
    type_line(qtbot, ui.tanggalSuratEdit, DISPO["tanggal_surat"])
    type_line(qtbot, ui.diterimaEdit, DISPO["diterima_tanggal"])
    pick(ui.sifatCombo, text=DISPO["sifat"])
    type_line(qtbot, ui.halEdit, DISPO["hal"])
    for name in DISPO_RECIPIENTS:
        tick(qtbot, ui.recipientList, list_item(ui.recipientList, name))
    boxes = {box.text(): box for box in ui.instructionsBox.findChildren(QCheckBox)}
    for phrase in DISPO["instructions"]:
        click(qtbot, boxes[phrase])
    clock.advance(minutes=1)
    type_lines(qtbot, ui.freeTextEdit, [DISPO["free_text"]])
    type_lines(qtbot, ui.catatanEdit, [DISPO["catatan"]])  # leaving the free text stores it
    pick(ui.signerCombo, text=SUBKOR)
    assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 5, tab)  # the catatan still being typed is stored first


def check_row(tree: QTreeWidget, label: str):
    """A row of the completeness checklist, by the label the user reads."""
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    found = [row for row in rows if row.text(0) == label]
    assert found, f"{label!r} not in {[row.text(0) for row in rows]}"
    return found[0]


def stage_6_readiness(qtbot, window, modals, clock) -> None:
    tab = start_stage(qtbot, window, modals, clock, 6)
    panel = tab.panel
    ui = panel.ui
    tree = ui.checklistTree
    assert check_row(tree, "Narasi final tersedia").text(1) == "✔ Narasi versi 2 ditandai final"
    assert check_row(tree, "Lokasi dikonfirmasi").text(1) == "✘ 2 dari 2 lokasi belum dikonfirmasi"

    ui.flyersSpin.setFocus()
    ui.flyersSpin.lineEdit().selectAll()
    qtbot.keyClicks(ui.flyersSpin, str(FLYERS_PREPARED))
    qtbot.keyClick(ui.flyersSpin, Qt.Key.Key_Tab)
    assert check_row(tree, "Flyers disiapkan").text(1) == "✔ 500 lembar"
    pick(ui.driverCombo, text=JOKO)
    pick(ui.announcerCombo, text=DEWI)
    assert check_row(tree, "Sopir dan penyiar ditugaskan").text(1) == f"✔ Sopir: {JOKO}; penyiar: {DEWI}"
    clock.advance(minutes=1)
    for label in ("Bahan bakar cukup", "Sound system berfungsi", "Kelengkapan: Flyers", "Kelengkapan: Lokasi",
                  "Kelengkapan: Script wawaran"):
        tick(qtbot, tree, check_row(tree, label))
        assert check_row(tree, label).text(1) == f"✔ oleh {DEWI}"
    assert tab.ui.checklist.item(0).checkState() == Qt.CheckState.Checked  # the tab's own list agrees
    click(qtbot, ui.confirmLocationsButton)
    assert check_row(tree, "Lokasi dikonfirmasi").text(1) == "✔ Semua 2 lokasi dikonfirmasi"

    sound = check_row(tree, "Sound system berfungsi")  # a note, written in its third column
    tree.setCurrentItem(sound, 2)
    tree.editItem(sound, 2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, SOUND_NOTE)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits the editor a moment later
    qtbot.waitUntil(lambda: panel.record.item("vehicle_sound").note == SOUND_NOTE)
    assert check_row(tree, "Sound system berfungsi").text(2) == SOUND_NOTE
    assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
    assert ui.summaryLabel.text().startswith("9 dari 9 butir lengkap — siap berangkat.")
    assert [tab.ui.checklist.item(i).checkState() for i in range(3)] == [Qt.CheckState.Checked] * 3
    finish_stage(qtbot, window, clock, 6, tab)  # nothing is open, so no reason is asked


def stage_7_dissemination(qtbot, window, modals, clock) -> None:
    tab = start_stage(qtbot, window, modals, clock, 7)
    panel = tab.panel
    ui = panel.ui
    # the route is taken from the briefing's locations when the tab opens, no button needed
    assert panel.model.rowCount() == 2 and not ui.syncFrame.isVisible()
    assert [panel.model.index(r, 2).data() for r in range(2)] == ["08.45", "09.40"]
    click_tab(qtbot, tab.ui.sideTabs, tab.ui.sideTabs.indexOf(tab.ui.notesPage))  # "Catatan", beside the panel
    tab.ui.notesEdit.setFocus()
    qtbot.keyClicks(tab.ui.notesEdit, STAGE_7_NOTES)  # the stage's own notes

    for row, ((ah, am), (dh, dm), flyers, audience, notes) in enumerate(VISITS):
        if row:
            click_row(qtbot, ui.stopsTable, panel.model.index(row, 1))
        assert panel.stop.position == row + 1
        clock.set(ah, am)
        click(qtbot, ui.arriveButton)
        assert panel.model.index(row, 3).data() == f"{ah:02d}.{am:02d}"
        ui.flyersSpin.setFocus()
        ui.flyersSpin.selectAll()
        qtbot.keyClicks(ui.flyersSpin, str(flyers))
        qtbot.keyClick(ui.flyersSpin, Qt.Key.Key_Return)
        ui.audienceSpin.setFocus()
        ui.audienceSpin.selectAll()
        qtbot.keyClicks(ui.audienceSpin, str(audience))
        qtbot.keyClick(ui.audienceSpin, Qt.Key.Key_Tab)
        if notes:
            ui.notesEdit.setFocus()
            qtbot.keyClicks(ui.notesEdit, notes)
        clock.set(dh, dm)
        click(qtbot, ui.departButton)  # stores what is still being typed first
        assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
        assert [panel.model.index(row, c).data() for c in (0, 3, 4, 5, 6)] == [
            f"✓ {row + 1}", f"{ah:02d}.{am:02d}", f"{dh:02d}.{dm:02d}", str(flyers), str(audience)]
    assert ui.totalsLabel.text() == ("2 dari 2 lokasi dikunjungi · 480 selebaran · perkiraan 330 warga · "
                                     "81 mnt 00 dtk di rute")
    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 7, tab)


def stage_8_report(qtbot, window, modals, clock, ws, campaign_id) -> str:
    tab = start_stage(qtbot, window, modals, clock, 8)
    panel = tab.panel
    ui = panel.ui
    draft = ui.bodyEdit.toPlainText()
    # Section D's draft: a narrative that adds to the report's own sections A–C (the steps, the
    # route with its times, the problems), never repeating them (issue 14).
    for expected in (f"Pada Selasa, 24 November 2026, mobil wawaran keliling menyampaikan informasi bertema “{THEME}”",
                     "Kelurahan Gondrong, Kecamatan Cipondoh serta Kelurahan Sukasari, Kecamatan Tangerang",
                     f"{ITEM_1['topic']} (sumber: ", f"{ITEM_2['topic']} (sumber: {ITEM_2['source_name']})"):
        assert expected in draft, f"{expected!r} not in the draft:\n{draft}"
    for repeated in ("tiba pukul", "Catatan tahap", STAGE_7_NOTES, "Tangerang, 24 November 2026", "LAPORAN"):
        assert repeated not in draft, f"{repeated!r} repeated in the draft:\n{draft}"

    clock.advance(minutes=4)
    ui.bodyEdit.setFocus()
    qtbot.keyClick(ui.bodyEdit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_lines(qtbot, ui.bodyEdit, ["", *REPORT_ADDED])
    edited = ui.bodyEdit.toPlainText()
    assert edited == draft + "\n" + "\n".join(REPORT_ADDED)
    qtbot.waitUntil(lambda: report.Service(ws).get(campaign_id).body == edited)  # stored when typing pauses
    assert ui.statusLabel.text() == f"Tersimpan oleh {BUDI}, Selasa, 24 November 2026 pukul 10.29 WIB."
    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 8, tab)
    assert ui.lockLabel.isVisibleTo(tab) and ui.bodyEdit.isReadOnly()  # finishing locks the report
    return edited


def stage_9_evaluation(qtbot, window, modals, clock) -> None:
    tab = start_stage(qtbot, window, modals, clock, 9)
    ui = tab.panel.ui
    pick(ui.receiverCombo, text=KABID)
    click(qtbot, ui.nowButton)  # received now: 10.35
    for name, score in SCORES.items():
        pick(getattr(ui, name), data=score)
    type_lines(qtbot, ui.notesEdit, [EVAL_NOTES])
    clock.advance(minutes=2)
    type_lines(qtbot, ui.followupsEdit, [f"- {point}" for point in FOLLOWUPS])
    assert ui.counterLabel.text() == "3 / 20 butir tindak lanjut"
    assert not ui.errorLabel.isVisible(), ui.errorLabel.text()
    tick_kelengkapan(qtbot, tab)
    finish_stage(qtbot, window, clock, 9, tab)  # the follow-ups still being typed are stored first


# -- after the restart: everything is still there ------------------------------------------
def check_records(ws, campaign_id: int, report_text: str, data_dir) -> None:
    """What the services hold, stage by stage."""
    people = {p.name: p for p in ws.staff.list()}
    assert [(p.name, p.nip, p.position, p.lane) for p in sorted(people.values(), key=lambda p: p.id)] == [
        (name, nip.replace(" ", "") or None, position, lane) for name, nip, position, lane in STAFF]

    record = ws.campaigns.get(campaign_id)
    assert (record.title, record.theme, record.status) == (TITLE, THEME, CampaignStatus.DONE)
    assert (record.created_by_name, record.created_at) == (SUBKOR, wib(7, 35))
    for no, (person, started, finished) in SCHEDULE.items():
        step = record.step(no)
        assert [(e.kind, e.at, e.actor_name) for e in step.events] == [
            ("start", wib(*started), person), ("finish", wib(*finished), person)], f"stage {no}"
        assert step.assignee_name == person and step.checked == frozenset(range(len(step.activity.kelengkapan)))
    assert record.step(7).notes == STAGE_7_NOTES
    assert record.elapsed(wib(12, 0)) == 162 * 60  # within the 185-minute standard

    items = data_collection.Service(ws).list(campaign_id)
    assert [(i.fields.topic, i.fields.summary, i.fields.source_kind, i.fields.source_name, i.fields.reference,
             i.fields.item_date, i.fields.priority, i.created_by_name) for i in items] == [
        (ITEM_1["topic"], ITEM_1["summary"], "dimc", "", ITEM_1["reference"], DAY, 1, SUBKOR),
        (ITEM_2["topic"], ITEM_2["summary"], "other", ITEM_2["source_name"], ITEM_2["reference"], DAY, 2, SUBKOR)]
    files = data_collection.Service(ws).attachments(campaign_id, items[0].id)
    assert [(f.original_name, f.is_image, f.added_by_name, f.added_at) for f in files] == [
        (PICTURE, True, SUBKOR, wib(7, 43))]
    assert files[0].path.is_file() and data_dir in files[0].path.parents  # copied into the data folder

    meeting = briefing.Service(ws).get(campaign_id)
    assert (meeting.held_at, meeting.place, meeting.agenda, meeting.technical_notes) == (
        wib(8, 0), BRIEFING_PLACE, "\n".join(AGENDA), "\n".join(TECH_NOTES))
    assert sorted(p.name for p in meeting.attendees) == sorted(ATTENDEES)
    assert [(s.kelurahan_code, s.address, s.planned_time, s.confirmed) for s in meeting.locations] == [
        (code, address, planned.toString("HH:mm"), True) for _kec, _kel, address, planned, code in STOPS]
    assert [t.topic for t in meeting.selected_topics] == [ITEM_1["topic"], ITEM_2["topic"]]

    decided = theme.Service(ws).get(campaign_id)
    assert (decided.theme, decided.notulen, decided.decided_by_name, decided.decided_at) == (
        THEME, "\n".join(NOTULEN), KABID, wib(8, 10))

    script = narration.Service(ws)
    assert [(v.number, v.author_name, v.saved_at, v.is_final) for v in script.versions(campaign_id)] == [
        (2, BUDI, wib(8, 14), True), (1, BUDI, wib(8, 13), False)]
    assert script.latest_text(campaign_id) == NARRATION_V2 and script.text(campaign_id, 1) == NARRATION_V1

    dispo = disposition.Service(ws).get(campaign_id)
    assert (dispo.agenda_number, dispo.disposed_on, dispo.surat_dari, dispo.nomor_surat, dispo.tanggal_surat,
            dispo.diterima_tanggal, dispo.sifat, dispo.hal, dispo.instructions, dispo.free_text, dispo.catatan) == (
        "001/DIKP/2026", DAY, DISPO["surat_dari"], DISPO["nomor_surat"], date(2026, 11, 23), DAY, "Segera",
        DISPO["hal"], DISPO["instructions"], DISPO["free_text"], DISPO["catatan"])
    assert [r.name for r in dispo.recipients] == list(DISPO_RECIPIENTS) and dispo.signer.name == SUBKOR

    check = readiness.Service(ws).get(campaign_id)
    assert (check.flyers_count, check.driver.name, check.announcer.name) == (FLYERS_PREPARED, JOKO, DEWI)
    assert check.open_items == () and len(check.items) == 9
    assert check.item("vehicle_sound").note == SOUND_NOTE and check.item("vehicle_fuel").checked_by_name == DEWI

    route = dissemination.Service(ws).route(campaign_id)
    assert [(s.kelurahan_code, s.address, s.planned, s.arrived_at, s.departed_at, s.flyers, s.audience, s.notes)
            for s in route.stops] == [
        (code, address, True, wib(*visit[0]), wib(*visit[1]), visit[2], visit[3], visit[4])
        for (_kec, _kel, address, _t, code), visit in zip(STOPS, VISITS)]
    assert (route.totals.visited, route.totals.flyers, route.totals.audience) == (2, 480, 330)

    stored = report.Service(ws).get(campaign_id)
    assert (stored.body, stored.stored, stored.locked, stored.updated_by_name) == (report_text, True, True, BUDI)

    score = evaluation.Service(ws).get(campaign_id)
    assert (score.received_by_name, score.received_at, score.notes, score.followups) == (
        KABID, wib(10, 35), EVAL_NOTES, FOLLOWUPS)
    assert (score.score_timeliness, score.score_reach, score.score_narration) == tuple(SCORES.values())
    assert evaluation.latest_followups().points == FOLLOWUPS  # shown when the next campaign is created


def check_screens(qtbot, window, report_text: str) -> None:
    """What the reopened window shows, tab by tab."""
    assert window.ui.titleLabel.text() == TITLE
    assert f"Tema: {THEME}" in window.ui.metaLabel.text()
    assert window.ui.totalLabel.text().startswith("Waktu kerja 162 mnt 00 dtk dari baku 185 mnt")
    row = window.list.model.row_of(window.record.id)
    assert window.list.model.index(row, 3).data() == "Selesai"
    for no, (person, started, finished) in SCHEDULE.items():
        tab = open_stage(qtbot, window, no)
        assert tab.ui.statusLabel.text() == "Tepat waktu", f"stage {no}"
        assert tab.ui.assigneeCombo.currentText().startswith(person)
        assert [tab.ui.historyList.item(i).text() for i in range(tab.ui.historyList.count())] == [
            f"{long_date_time(wib(*started))} — Mulai oleh {person}",
            f"{long_date_time(wib(*finished))} — Selesai oleh {person}"]
        assert checked_texts(tab.ui.checklist) == [tab.ui.checklist.item(i).text()
                                                   for i in range(tab.ui.checklist.count())]
        CHECK_PANEL[no](qtbot, tab, report_text)


def _panel_1(qtbot, tab, _report) -> None:
    panel, ui = tab.panel, tab.panel.ui
    assert [panel.model.index(r, c).data() for r in range(2) for c in (1, 2, 3, 4)] == [
        ITEM_1["topic"], "DIMC", "Tinggi", "1", ITEM_2["topic"], "Dinas Kesehatan Kota Tangerang", "Sedang", ""]
    click_row(qtbot, ui.itemsTable, panel.model.index(0, 1))
    assert (ui.topicEdit.text(), ui.summaryEdit.toPlainText(), ui.referenceEdit.text()) == (
        ITEM_1["topic"], ITEM_1["summary"], ITEM_1["reference"])
    assert ui.dateEdit.date() == QDate(2026, 11, 24) and ui.priorityCombo.currentText() == "Tinggi"
    assert panel.files.rowCount() == 1 and not ui.previewLabel.pixmap().isNull()
    click_row(qtbot, ui.itemsTable, panel.model.index(1, 1))
    assert (ui.sourceCombo.currentData(), ui.sourceNameEdit.text()) == ("other", ITEM_2["source_name"])


def _panel_2(qtbot, tab, _report) -> None:
    ui = tab.panel.ui
    assert ui.heldAtEdit.dateTime() == QDateTime(QDate(2026, 11, 24), QTime(8, 0))
    assert (ui.placeEdit.text(), ui.agendaEdit.toPlainText(), ui.notesEdit.toPlainText()) == (
        BRIEFING_PLACE, "\n".join(AGENDA), "\n".join(TECH_NOTES))
    assert sorted(checked_texts(ui.attendeesList)) == sorted(ATTENDEES)
    model = tab.panel.model
    assert [(model.index(r, 2).data(), model.index(r, 3).data()) for r in range(model.rowCount())] == [
        ("Pasar Gondrong", "08.45"), ("Alun-alun Ahmad Yani", "09.40")]
    assert [t.split("  (")[0] for t in checked_texts(ui.topicsList)] == [ITEM_1["topic"], ITEM_2["topic"]]


def _panel_3(qtbot, tab, _report) -> None:
    ui = tab.panel.ui
    assert (ui.notulenEdit.toPlainText(), ui.themeEdit.text()) == ("\n".join(NOTULEN), THEME)
    assert ui.deciderCombo.currentText().startswith(KABID)
    assert ui.decidedAtLabel.text() == "Selasa, 24 November 2026 pukul 08.10 WIB"


def _panel_4(qtbot, tab, _report) -> None:
    panel, ui = tab.panel, tab.panel.ui
    qtbot.waitUntil(lambda: panel.spelling_ready, timeout=10_000)
    assert ui.editor.toPlainText() == NARRATION_V2 and not panel.pending()
    tree = ui.versionTree
    assert [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(4))
            for i in range(tree.topLevelItemCount())] == [("2", BUDI, "Final"), ("1", BUDI, "")]


def _panel_5(qtbot, tab, _report) -> None:
    panel, ui = tab.panel, tab.panel.ui
    assert ui.agendaLabel.text() == "<b>001/DIKP/2026</b>"
    assert [ui.suratDariEdit.text(), ui.nomorSuratEdit.text(), ui.tanggalSuratEdit.text(), ui.diterimaEdit.text(),
            ui.sifatCombo.currentText(), ui.halEdit.text(), ui.freeTextEdit.toPlainText(),
            ui.catatanEdit.toPlainText()] == [DISPO[k] for k in ("surat_dari", "nomor_surat", "tanggal_surat",
                                                                  "diterima_tanggal", "sifat", "hal", "free_text",
                                                                  "catatan")]
    assert [t.split(" — ")[0] for t in checked_texts(ui.recipientList)] == list(DISPO_RECIPIENTS)
    assert tuple(box.text() for box in ui.instructionsBox.findChildren(QCheckBox)
                 if box.isChecked()) == DISPO["instructions"]
    assert ui.signerCombo.currentText().startswith(SUBKOR)


def _panel_6(qtbot, tab, _report) -> None:
    panel, ui = tab.panel, tab.panel.ui
    assert ui.flyersSpin.value() == FLYERS_PREPARED
    assert ui.driverCombo.currentText().startswith(JOKO) and ui.announcerCombo.currentText().startswith(DEWI)
    assert ui.summaryLabel.text().startswith("9 dari 9 butir lengkap — siap berangkat.")
    tree = ui.checklistTree
    assert [tree.topLevelItem(i).text(1)[0] for i in range(tree.topLevelItemCount())] == ["✔"] * 9
    assert check_row(tree, "Sound system berfungsi").text(2) == SOUND_NOTE


def _panel_7(qtbot, tab, _report) -> None:
    panel, ui = tab.panel, tab.panel.ui
    assert tab.ui.notesEdit.toPlainText() == STAGE_7_NOTES
    assert [[panel.model.index(r, c).data() for c in range(7)] for r in range(panel.model.rowCount())] == [
        ["✓ 1", "Gondrong (Cipondoh)", "08.45", "08.44", "09.02", "220", "150"],
        ["✓ 2", "Sukasari (Tangerang)", "09.40", "09.38", "10.05", "260", "180"]]
    assert ui.totalsLabel.text() == ("2 dari 2 lokasi dikunjungi · 480 selebaran · perkiraan 330 warga · "
                                     "81 mnt 00 dtk di rute")
    click_row(qtbot, ui.stopsTable, panel.model.index(1, 1))
    assert ui.notesEdit.toPlainText() == VISITS[1][4]
    assert (ui.flyersSpin.value(), ui.audienceSpin.value()) == (260, 180)


def _panel_8(qtbot, tab, report_text) -> None:
    ui = tab.panel.ui
    assert ui.bodyEdit.toPlainText() == report_text
    assert ui.bodyEdit.isReadOnly() and ui.lockLabel.isVisible()


def _panel_9(qtbot, tab, _report) -> None:
    ui = tab.panel.ui
    assert ui.receiverCombo.currentText().startswith(KABID)
    assert ui.receivedEdit.dateTime().toSecsSinceEpoch() == int(wib(10, 35).timestamp())
    assert [ui.timelinessCombo.currentText(), ui.reachCombo.currentText(), ui.narrationCombo.currentText()] == [
        "5 – Sangat baik", "4 – Baik", "4 – Baik"]
    assert ui.notesEdit.toPlainText() == EVAL_NOTES
    assert ui.followupsEdit.toPlainText() == "\n".join(FOLLOWUPS)


CHECK_PANEL = {1: _panel_1, 2: _panel_2, 3: _panel_3, 4: _panel_4, 5: _panel_5, 6: _panel_6, 7: _panel_7,
               8: _panel_8, 9: _panel_9}


def offer_next_campaign(qtbot, window, modals) -> None:
    """The next "Kampanye Baru" shows this evaluation's follow-ups; the user looks and cancels."""
    seen: list[str] = []

    def look(dialog):
        assert isinstance(dialog, CampaignDialog)
        seen.append(dialog.ui.followupsText.toPlainText())
        assert dialog.ui.followupsBox.isVisible()
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel))

    activate(qtbot, window)
    modals.then(look)
    window.ui.actionNewCampaign.trigger()
    assert modals.pending == 0
    assert f"Dari evaluasi «{TITLE}» (24 November 2026):" in seen[0]
    assert all(point in seen[0] for point in FOLLOWUPS)
    assert window.ws.campaigns.count() == 1


# -- the walk ------------------------------------------------------------------------------
def test_a_new_user_records_a_whole_campaign_by_hand_and_finds_it_after_a_restart(
        qtbot, data_dir, tmp_path, make_window, modals, monkeypatch):
    qtbot = ReachingBot(qtbot)  # everything clicked or typed in must be on screen (tests/reach.py)
    picture = tmp_path / PICTURE
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))
    assert image.save(str(picture))

    clock = Clock()
    ws = open_workspace(data_dir, clock=clock)  # a new data folder: its first administrator only
    name, nip, position, lane = STAFF[0]
    first = ws.staff.add(name, nip, position, lane)
    window = make_window(ws, first.id)
    expected = os.environ.get("WAWARAN_EXPECT_SCREEN")  # set by test_scaled_walk.py (125%, 150%)
    if expected:
        logical = window.screen().geometry().size()
        assert f"{logical.width()}x{logical.height()}" == expected
    assert window.ui.detailStack.currentWidget() is window.ui.emptyPage
    # Who acts is the person signed in, shown in the window (no "Petugas yang bertugas" to pick).
    assert window.current_actor() == first.id
    assert window.ui.accountLabel.text() == f"{SUBKOR} (Sub Kor DIMC, administrator)"
    add_staff_in_directory(qtbot, window, modals)
    activate(qtbot, window)
    assert window.current_actor() == first.id  # the directory's new people do not act by themselves
    clock.set(7, 35)
    create_campaign(qtbot, window, modals)
    assert window.ui.titleLabel.text() == TITLE and "Tema: — belum ditentukan —" in window.ui.metaLabel.text()
    campaign_id = window.record.id

    stage_1_data_collection(qtbot, window, modals, clock, picture)
    stage_2_briefing(qtbot, window, modals, clock)
    stage_3_theme(qtbot, window, modals, clock)
    stage_4_narration(qtbot, window, modals, clock)
    stage_5_disposition(qtbot, window, modals, clock)
    stage_6_readiness(qtbot, window, modals, clock)
    stage_7_dissemination(qtbot, window, modals, clock)
    report_text = stage_8_report(qtbot, window, modals, clock, ws, campaign_id)
    stage_9_evaluation(qtbot, window, modals, clock)

    assert window.record.status is CampaignStatus.DONE
    assert window.ui.totalLabel.text().startswith("Waktu kerja 162 mnt 00 dtk dari baku 185 mnt")
    assert window.list.model.index(window.list.model.row_of(campaign_id), 3).data() == "Selesai"
    check_records(ws, campaign_id, report_text, data_dir)  # stored before the restart too
    exports = tmp_path / "Dokumen"
    exports.mkdir()
    written = export_every_document(qtbot, window, modals, monkeypatch, exports)
    assert sorted(path.name for path in written) == sorted(path.name for path in exports.iterdir())
    assert len(written) == 9
    window.close()
    assert not window.isVisible()
    ws.close()

    clock.set(13, 0)  # the office opens the application again after lunch
    ws2 = open_workspace(data_dir, clock=clock)
    again = make_window(ws2, first.id)  # the Sub Kor signs in again
    assert again.record is not None and again.record.id == campaign_id
    check_records(ws2, campaign_id, report_text, data_dir)
    check_screens(qtbot, again, report_text)
    offer_next_campaign(qtbot, again, modals)
    again.close()
    ws2.close()
