"""Issue 16 tried as a new user would, through the application's own start-up (``app._start_window``,
the sign-in dialog answered as a person types) on a real data folder:

1. the first start: the automatic backup made in the background after the window is up (the status
   bar says so), and a backup made from *Berkas → Cadangan & Pemulihan…*;
2. the application closed, the database damaged by hand (garbage over 25 pages of the report table,
   as a bad sector leaves them: tests/unit/test_integrity.py);
3. the next start: the window opens, then says the file is damaged and what to do; its button opens
   *Cadangan & Pemulihan* with the newest good backup selected; *Pulihkan…*, confirmed; the window
   closes and opens again on the restored file (signed in anew), and says what happened.

Every message seen is Indonesian and says what to do; the restored file is whole, with every campaign,
its history verifies, and the damaged file is kept aside."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from accounts import PASSWORD, fast_accounts
from damage import damage_table, fill_reports  # tests/damage.py
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from wawaran_desktop import app
from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.integrity import full_check
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views import backup_dialog
from wawaran_desktop.views.backup_dialog import BackupDialog
from wawaran_desktop.views.sign_in_dialog import SignInDialog

#: Words of an English message (Qt's or Python's own) that must never reach the person.
ENGLISH = re.compile(r"\b(error|failed|the|cannot|database|disk|file|unexpected|traceback|exception)\b", re.IGNORECASE)






@pytest.fixture
def started():
    """``app._start_window`` in this process (the QApplication exists): closes what it opened."""
    opened = []
    hook = sys.excepthook

    def start(*argv: str):
        result = app._start_window(app.build_parser().parse_args(list(argv)))
        assert result is not None
        opened.append(result)
        return result

    yield start
    for session, lock in opened:
        window = session.window
        if window is not None and isValid(window):
            close(window)
        lock.unlock()
    sys.excepthook = hook


def close(window) -> None:
    window.flush = lambda: True
    window.close()
    window.ws.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_backup_made_the_file_damaged_by_hand_told_at_start_and_restored_from_the_menu(
        data_dir, qtbot, modals, started, monkeypatch):
    monkeypatch.setattr(backup_dialog, "PROGRESS_DELAY_MS", 60_000)  # small files: no progress dialog in the way
    ws = open_workspace(data_dir)
    siti = ws.staff.add("Siti Rahmawati", "19850312 201001 2 004", "Sub Koordinator DIMC", "subkor")
    fast_accounts(ws).create_first_admin(siti.id, "siti", PASSWORD)
    ids = [ws.campaigns.create(siti.id, f"Wawaran Kelurahan {i}").id for i in range(30)]
    fill_reports(ws.db_path, ids)
    ws.close()
    seen: list[str] = []  # every message the person read, in order

    def sign_in(dialog):
        assert isinstance(dialog, SignInDialog), type(dialog).__name__
        seen.append(dialog.ui.headingLabel.text())
        dialog.ui.usernameEdit.setText("siti")
        dialog.ui.passwordEdit.setText(PASSWORD)
        dialog.ui.okButton.click()

    # 1. The first start; the automatic backup follows, in the background.
    modals.then(sign_in)
    session, lock = started("--data-dir", str(data_dir))
    window = session.window
    with qtbot.waitSignal(window.backup_watch.checked, timeout=20_000) as first:
        pass
    assert first.args[0].integrity.ok and first.args[0].backup is not None
    seen.append(window.statusBar().currentMessage())
    assert seen[-1].startswith("Cadangan otomatis hari ini dibuat (")

    def make_backup(dialog):
        assert isinstance(dialog, BackupDialog)
        dialog.ui.createButton.click()
        seen.append(dialog.ui.statusLabel.text())
        dialog.ui.buttonBox.rejected.emit()

    modals.then(make_backup)
    qtbot.wait(1100)  # a moment later than the automatic one (names and order are by the second)
    window.ui.actionBackups.trigger()  # Berkas → Cadangan & Pemulihan…
    assert not modals.pending and not modals.errors
    assert seen[-1].startswith("Cadangan dibuat dan diperiksa:") and seen[-1].endswith("30 kampanye "
                                                                                       f"({seen[-1].split('(')[-1]}")
    manual = sorted((data_dir / "backups").glob("wawaran-manual-*.sqlite3"))
    assert len(manual) == 1
    close(window)
    lock.unlock()

    # 2. Damage by hand, the application closed.
    db_path = data_dir / "wawaran.sqlite3"
    damage_table(db_path, "report", 25)
    assert not full_check(data_dir).ok

    # 3. The next start: told, restored from the menu the message opens.
    selected: list[Path] = []

    def damaged(box):
        assert isinstance(box, QMessageBox)
        seen.append(f"{box.windowTitle()}: {box.text()} {box.informativeText()}")
        next(b for b in box.buttons() if b.text().replace("&&", "&").replace("&C", "C") ==
             "Buka Cadangan & Pemulihan…").click()

    def choose(dialog):
        assert isinstance(dialog, BackupDialog)
        selected.append(dialog.selected().path)
        QTimer.singleShot(0, dialog.ui.restoreButton.click)  # it asks: the next handler answers

    def confirm(box):
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "&Pulihkan").click()

    def told(box):
        seen.append(f"{box.windowTitle()}: {box.text()}")
        box.accept()

    modals.then(sign_in).then(damaged).then(choose).then(confirm).then(sign_in).then(told)
    session, lock = started("--data-dir", str(data_dir))
    damaged_window = session.window
    qtbot.waitUntil(lambda: not modals.pending, timeout=30_000)
    assert not modals.errors
    assert selected == manual  # the newest good backup, selected for the person
    restored = session.window
    assert restored is not damaged_window and restored.isVisible()

    texts = "\n".join(seen)
    assert "Basis data rusak: " in texts and "RUSAK" in texts
    assert "Jalan keluar: pulihkan cadangan baik terbaru" in texts and "Jangan lanjutkan pekerjaan" in texts
    assert "Pulihkan cadangan" in texts and "disimpan di folder backups sebagai cadangan tersendiri" in texts
    assert seen[-1].startswith("Cadangan dipulihkan: Cadangan ") and "(30 kampanye) dipulihkan." in seen[-1]
    assert "Periksa data kampanye terakhir" in seen[-1]
    for text in seen:
        assert not ENGLISH.search(text.replace("python main.py", "")), text

    # The restored file: whole, every campaign, the history verified, the damaged one kept aside.
    assert full_check(data_dir).ok
    titles = [restored.list.model.record(row).title for row in range(restored.list.model.rowCount())]
    assert len(titles) == 30
    assert HistoryService(restored.ws).verify().whole
    kept = list((data_dir / "backups").glob("wawaran-sebelum-pemulihan-*-rusak.sqlite3"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0
