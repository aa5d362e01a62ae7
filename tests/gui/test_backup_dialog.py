"""*Berkas → Cadangan & Pemulihan…* (views/backup_dialog.py) on real files: the list (date in WIB,
kind, size, campaigns), a backup made from the menu, a copy to another folder (the folder chooser
answered as tests/fakes.py answers the save dialog), the rotation stored and refused when stale, a
restore through ``WindowSession`` (the window closes, the file is replaced, a new window opens and
says what happened), refused for a person who is not an administrator, and the full check on demand.
The server's message: tests/gui/test_backups_on_server.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from accounts import signed_in
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop.services.backups import Rotation
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.views import backup_dialog
from wawaran_desktop.views.backup_dialog import BackupDialog
from wawaran_desktop.views.database_dialog import WindowSession
from wawaran_desktop.views.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_progress_dialog_in_the_way(monkeypatch):
    """The progress dialog of a long backup is a modal too: these small files never need it."""
    monkeypatch.setattr(backup_dialog, "PROGRESS_DELAY_MS", 60_000)


def answer_folder(monkeypatch, folder: Path | None) -> list[tuple]:
    """The folder chooser answers ``folder`` (None: cancelled); returns what it was asked."""
    asked: list[tuple] = []

    def ask(parent, title, start):
        asked.append((title, start))
        return str(folder) if folder is not None else None

    monkeypatch.setattr(backup_dialog, "ask_folder", ask)
    return asked


def table_rows(dialog: BackupDialog) -> list[list[str]]:
    table = dialog.ui.backupsTable
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def close_dialog(dialog) -> None:
    dialog.ui.buttonBox.rejected.emit()


def test_the_menu_makes_a_backup_listed_with_wib_date_size_and_campaigns(ws, staff, make_window, modals):
    ws.campaigns.create(staff[0].id, "Sosialisasi PBB 2027")
    window = make_window(ws, staff[0].id)
    seen: dict[str, object] = {}

    def use(dialog):
        assert isinstance(dialog, BackupDialog)
        assert dialog.windowTitle() == "Cadangan & Pemulihan"
        seen["empty"] = (table_rows(dialog), dialog.ui.statusLabel.text(), dialog.ui.restoreButton.isEnabled())
        dialog.ui.createButton.click()
        seen["rows"] = table_rows(dialog)
        seen["status"] = dialog.ui.statusLabel.text()
        seen["restore"] = dialog.ui.restoreButton.isEnabled()
        close_dialog(dialog)

    modals.then(use)
    window.ui.actionBackups.trigger()
    assert not modals.pending and not modals.errors
    rows, status, can_restore = seen["empty"]
    assert rows == [] and status.startswith("Belum ada cadangan.") and not can_restore
    made = sorted((ws.data_dir / "backups").glob("wawaran-manual-*.sqlite3"))
    assert len(made) == 1 and made[0].name.startswith("wawaran-manual-20261126T2330")  # the moment in UTC
    # 06.30 WIB on the 27th, though it is still the 26th in UTC: the date is the workspace's WIB one
    [row] = seen["rows"]
    assert row[0].startswith("27 November 2026 pukul 06.3") and row[0].endswith("WIB")
    assert row[1] == "Manual" and row[2].endswith("KB") and row[3] == "1 kampanye"
    assert seen["status"].startswith("Cadangan dibuat dan diperiksa: 27 November 2026")
    assert seen["restore"]
    con = sqlite3.connect(made[0])
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT title FROM campaign").fetchall() == [("Sosialisasi PBB 2027",)]
    finally:
        con.close()


def test_a_backup_is_copied_to_the_folder_chosen_and_a_missing_one_is_told(ws, staff, tmp_path, monkeypatch,
                                                                           qtbot, modals):
    backup = ws.backups.create()
    usb = tmp_path / "USB"
    usb.mkdir()
    asked = answer_folder(monkeypatch, usb)
    dialog = BackupDialog(ws, staff[0].id)
    qtbot.addWidget(dialog)
    assert dialog.ui.copyButton.isEnabled()
    dialog.ui.copyButton.click()
    copy = usb / backup.name
    assert copy.read_bytes() == backup.path.read_bytes()
    assert asked[0][0] == "Salin cadangan ke folder atau diska USB"
    assert dialog.ui.statusLabel.text().startswith(f"Salinan diperiksa dan tersimpan: {copy}.")

    answer_folder(monkeypatch, tmp_path / "tidak-ada")  # the USB disk pulled out meanwhile
    texts: list[str] = []

    def read_and_close(box):
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.accept()

    modals.then(read_and_close)
    dialog.ui.copyButton.click()
    assert not modals.pending
    assert texts[0].startswith("Folder tujuan") and "pilih folder lain" in texts[0]
    assert dialog.ui.statusLabel.text() == "Salinan tidak dibuat."

    answer_folder(monkeypatch, None)  # cancelled: nothing happens
    dialog.ui.copyButton.click()
    assert dialog.ui.statusLabel.text() == "Salinan tidak dibuat."


def test_the_rotation_is_stored_and_a_stale_one_refused(ws, staff, qtbot):
    dialog = BackupDialog(ws, staff[0].id)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert (ui.dailySpin.value(), ui.weeklySpin.value(), ui.monthlySpin.value()) == (7, 4, 12)
    ui.dailySpin.setValue(10)
    ui.weeklySpin.setValue(0)
    ui.monthlySpin.setValue(24)
    ui.saveRotationButton.click()
    assert ws.backups.rotation()[0] == Rotation(10, 0, 24)
    assert ui.statusLabel.text().startswith("Rotasi disimpan: 10 harian, 0 mingguan, 24 bulanan.")
    _, version = ws.backups.rotation()
    ws.backups.set_rotation(staff[1].id, Rotation(5, 2, 6), version=version)  # another PC saves first
    ui.dailySpin.setValue(3)
    ui.saveRotationButton.click()
    assert ws.backups.rotation()[0] == Rotation(5, 2, 6)  # not overwritten
    assert ui.statusLabel.text().startswith("Rotasi tidak disimpan:")
    assert (ui.dailySpin.value(), ui.weeklySpin.value(), ui.monthlySpin.value()) == (5, 2, 6)  # the stored one shown


def test_only_an_administrator_may_restore(ws, staff, qtbot, modals):
    signed_in(ws, staff[0].id)  # the first account: the administrator
    signed_in(ws, staff[1].id)
    ws.backups.create()
    dialog = BackupDialog(ws, staff[1].id)
    qtbot.addWidget(dialog)
    texts: list[str] = []

    def answer(text_part: str, button: str):
        def handler(box):
            texts.append(box.text())
            assert text_part in box.text()
            next(b for b in box.buttons() if b.text().replace("&", "") == button).click()
        return handler

    modals.then(answer("Pulihkan cadangan 27 November 2026", "Pulihkan")).then(answer("hanya administrator", "OK"))
    dialog.ui.restoreButton.click()
    assert not modals.pending and not modals.errors
    assert dialog.restore_chosen is None  # the dialog stays, nothing chosen
    assert "Basis data sekarang lebih dulu disimpan di folder backups" in texts[0]


def restored_window(workspace) -> MainWindow:
    """The window ``WindowSession`` builds: the administrator of that file signed in."""
    admin = next(a for a in workspace.accounts.list() if a.is_admin)
    return MainWindow(workspace, signed_in(workspace, admin.staff_id))


def dispose(window) -> None:
    window.flush = lambda: True
    window.close()
    window.ws.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_restore_reopens_the_window_on_the_backup_and_says_what_happened(ws, staff, modals, qtbot):
    siti = staff[0]
    signed_in(ws, siti.id)
    ws.campaigns.create(siti.id, "Sosialisasi PBB 2027")
    backup = ws.backups.create()
    ws.campaigns.create(siti.id, "Sesudah cadangan")
    session = WindowSession(restored_window, clock=ws.clock)
    window = session.show(ws)
    qtbot.waitExposed(window)
    texts: list[str] = []

    def choose(dialog):
        assert isinstance(dialog, BackupDialog)
        assert dialog.selected().path == backup.path
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, dialog.ui.restoreButton.click)  # it asks: the next handler answers

    def confirm(box):
        texts.append(box.text())
        next(b for b in box.buttons() if b.text() == "&Pulihkan").click()

    def told(box):
        texts.append(box.text())
        assert box.windowTitle() == "Cadangan dipulihkan"
        box.accept()

    modals.then(choose).then(confirm).then(told)
    window.ui.actionBackups.trigger()
    qtbot.waitUntil(lambda: not modals.pending, timeout=10_000)
    assert not modals.errors
    new = session.window
    try:
        assert new is not window
        titles = [new.list.model.record(row).title for row in range(new.list.model.rowCount())]
        assert titles == ["Sosialisasi PBB 2027"]
        assert texts[1].startswith("Cadangan 27 November 2026 pukul 06.3") and "dipulihkan" in texts[1]
        assert "tercatat di riwayat" in texts[1] and "Basis data sebelumnya disimpan sebagai cadangan wawaran-sebelum-pemulihan-" in texts[1]
        assert f"Folder cadangan: {new.ws.data_dir / 'backups'}" in texts[1]
        aside = sorted((new.ws.data_dir / "backups").glob("wawaran-sebelum-pemulihan-*.sqlite3"))
        assert len(aside) == 1
        con = sqlite3.connect(aside[0])
        try:
            assert sorted(r[0] for r in con.execute("SELECT title FROM campaign")) == ["Sesudah cadangan",
                                                                                     "Sosialisasi PBB 2027"]
        finally:
            con.close()
        assert HistoryService(new.ws).verify().whole
    finally:
        dispose(new)


def test_the_full_check_on_demand_says_whole_or_damaged_with_the_good_backup_selected(ws, staff, qtbot, modals):
    ws.campaigns.create(staff[0].id, "Sosialisasi PBB 2027")
    good = ws.backups.create()
    dialog = BackupDialog(ws, staff[0].id)
    qtbot.addWidget(dialog)
    dialog.ui.checkButton.click()
    assert dialog.ui.statusLabel.text().startswith("Basis data utuh: pemeriksaan keutuhan lengkap")
    ws.campaigns.create(staff[0].id, "Sesudah cadangan")
    newer = ws.backups.create()
    with open(newer.path, "r+b") as stream:  # the newer copy damaged: not the way out
        stream.seek(4096)
        stream.write(b"\xff" * 4096 * 2)
    ws.close()
    with open(ws.db_path, "r+b") as stream:
        stream.seek(4096)
        stream.write(bytes((i * 37 + 11) % 256 for i in range(4096 * 2)))
    texts: list[str] = []

    def read(box):
        texts.append(f"{box.windowTitle()}|{box.text()}")
        box.accept()

    modals.then(read)
    dialog.ui.checkButton.click()
    assert not modals.pending
    title, text = texts[0].split("|")
    assert title == "Basis data rusak" and "Jalan keluar: pulihkan cadangan baik terbaru" in text
    assert dialog.selected().path == good.path
    assert "RUSAK" in dialog.ui.statusLabel.text() or "rusak" in dialog.ui.statusLabel.text()


def test_without_a_window_session_the_restore_runs_under_the_window(ws, staff, make_window, modals, qtbot):
    """A window not opened by ``WindowSession`` (as tests open it): the same restore, told there."""
    from PySide6.QtCore import QTimer

    ws.campaigns.create(staff[0].id, "Sosialisasi PBB 2027")
    ws.backups.create()
    ws.campaigns.create(staff[0].id, "Sesudah cadangan")
    window = make_window(ws, staff[0].id)
    assert window.backups.reopen is None
    texts: list[str] = []

    def choose(dialog):
        QTimer.singleShot(0, dialog.ui.restoreButton.click)

    def confirm(box):
        next(b for b in box.buttons() if b.text() == "&Pulihkan").click()

    def told(box):
        texts.append(box.text())
        box.accept()

    modals.then(choose).then(confirm).then(told)
    window.ui.actionBackups.trigger()
    qtbot.waitUntil(lambda: not modals.pending, timeout=10_000)
    assert not modals.errors and "dipulihkan" in texts[0]
    assert [c.title for c in ws.campaigns.list()] == ["Sosialisasi PBB 2027"]  # the services read the restored file
