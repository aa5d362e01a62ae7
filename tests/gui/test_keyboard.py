"""A campaign can be created and its stages run with the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QPlainTextEdit
from stage_content import READINESS_REASON, fill_stage  # tests/stage_content.py

from wawaran_desktop.services.records import CampaignStatus


def type_reason(qtbot):
    def handler(dialog):
        assert isinstance(dialog, QInputDialog)
        editor = dialog.findChild(QPlainTextEdit)
        qtbot.keyClicks(editor, READINESS_REASON)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)  # to the buttons
        dialog.accept()
    return handler


def test_keyboard_only_through_all_nine_stages(qtbot, ws, staff, make_window, modals):
    window = make_window(ws)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def type_title(dialog):
        qtbot.keyClicks(dialog.ui.titleEdit, "Wawaran Papan Ketik")
        qtbot.keyClick(dialog.ui.titleEdit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.ui.themeEdit, "Uji papan ketik")
        qtbot.keyClick(dialog.ui.themeEdit, Qt.Key.Key_Return)

    modals.then(type_title)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.record.title == "Wawaran Papan Ketik"
    assert window.record.theme == "Uji papan ketik"
    window.activateWindow()  # a window manager does this when the dialog closes; offscreen has none
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    for no in range(1, 10):
        assert window.ui.stageTabs.currentIndex() == no - 1
        tab = window.stages.stage(no)
        # A mnemonic "animates" the click: the button fires a moment after the key.
        qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # &Mulai
        qtbot.waitUntil(lambda: tab.ui.statusLabel.text() == "Berjalan", timeout=20_000)
        fill_stage(ws, window.current_actor(), window.record.id, no)  # the stage's content
        if no == 6:  # open completeness items: finishing asks for a reason, typed in
            modals.then(type_reason(qtbot))
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Selesai
        qtbot.waitUntil(lambda: tab.ui.statusLabel.text() == "Tepat waktu", timeout=20_000)
        if no == 6:  # a window manager gives focus back after the dialog; offscreen has none
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if no < 9:  # Ctrl+Tab moves to the next stage's tab
            qtbot.keyClick(window.ui.stageTabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.record.status is CampaignStatus.DONE
