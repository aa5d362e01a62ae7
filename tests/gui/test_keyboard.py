"""A campaign can be created and its stages run with the keyboard alone: each stage by a person
of its lane (services/lanes.py), who takes the PC through *Ganti Pengguna* (Ctrl+Shift+L) and
signs in by typing their user name and password."""

from __future__ import annotations

import re

from accounts import PASSWORD, account_for  # tests/accounts.py
from crew import step_actor  # tests/crew.py
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QInputDialog, QLabel, QPlainTextEdit
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


def take_the_pc(qtbot, window, modals, staff_id: int) -> None:
    """*Ganti Pengguna* by keyboard: Ctrl+Shift+L, the user name, Tab, the password, Enter."""
    username = account_for(window.ws, staff_id).username

    def type_sign_in(dialog):
        assert dialog.ui.headingLabel.text() == "Ganti Pengguna"
        qtbot.keyClicks(dialog.ui.usernameEdit, username)
        qtbot.keyClick(dialog.ui.usernameEdit, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
        qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)

    modals.then(type_sign_in)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not modals.errors and modals.pending == 0
    assert window.current_actor() == staff_id
    window.activateWindow()  # a window manager does this when the dialog closes; offscreen has none
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_keyboard_only_through_all_nine_stages(qtbot, ws, staff, make_window, modals):
    window = make_window(ws, staff[0].id)  # the Sub Kor opens the campaign (step 1's lane)
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
        who = step_actor(ws, window.record.id, no)
        if window.current_actor() != who:  # the next stage's lane takes the PC
            take_the_pc(qtbot, window, modals, who)
        assert window.ui.stageTabs.currentIndex() == no - 1  # the campaign and its tab stay
        tab = window.stages.stage(no)
        # A mnemonic "animates" the click: the button fires a moment after the key.
        qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # &Mulai
        qtbot.waitUntil(lambda tab=tab: tab.ui.statusLabel.text() == "Berjalan", timeout=20_000)
        fill_stage(ws, window.current_actor(), window.record.id, no)  # the stage's content
        if no == 6:  # open completeness items: finishing asks for a reason, typed in
            modals.then(type_reason(qtbot))
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Selesai
        qtbot.waitUntil(lambda tab=tab: tab.ui.statusLabel.text() == "Tepat waktu", timeout=20_000)
        if no == 6:  # a window manager gives focus back after the dialog; offscreen has none
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        # Finishing the shown stage brings the next stage's tab to the front (checked above).
    assert window.record.status is CampaignStatus.DONE


def alt_letters(widgets) -> set[str]:
    """The Alt+letter keys (mnemonics) of the visible ones of ``widgets``."""
    letters = set()
    for widget in widgets:
        if widget.isVisible():
            found = re.search(r"&([^&])", widget.text().replace("&&", ""))
            if found:
                letters.add(found.group(1).lower())
    return letters


def test_the_tugas_saya_dock_takes_no_alt_key_of_the_window(qtbot, ws, staff, make_window):
    """Two buttons with one Alt+letter in a window make it ambiguous: the key only moves the focus
    between them. The Tugas Saya dock's buttons once had Alt+M (Muat Ulang) and Alt+B (Buka),
    which took &Mulai from every stage and &Berkas from the menu bar while the dock was open."""
    ws.campaigns.create(staff[0].id, "Wawaran Papan Ketik")
    window = make_window(ws, staff[0].id)
    window.my_tasks.show_dock()
    dock = window.my_tasks.dock
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    menus = {re.search(r"&([^&])", action.text()).group(1).lower() for action in window.menuBar().actions()
             if "&" in action.text()}
    for no in range(1, 10):
        window.ui.stageTabs.setCurrentIndex(no - 1)
        tab = window.stages.stage(no)
        stage = alt_letters(tab.findChildren(QAbstractButton)) | alt_letters(tab.findChildren(QLabel))
        assert not alt_letters(dock.findChildren(QAbstractButton)) & (menus | stage), no
    window.ui.stageTabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # &Mulai, the dock open
    qtbot.waitUntil(lambda: window.stages.stage(1).ui.statusLabel.text() == "Berjalan", timeout=5000)
