"""The main window on small screens (issue 15): 1366x768 at 150% display scaling is a 911x512
screen in Qt's logical pixels, at 125% 1093x614. Laid out in logical pixels, the window at 150%
is the window at 100% sized to fit 911x512 less its frame, title bar and the taskbar; these tests
size the window so and check what the person must reach. (tests/gui/test_windows_fit.py runs
the application at the real scale factors.)"""

from __future__ import annotations

import re
import time

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QStyleOptionViewItem, QWidget
from stage_content import fill_stage  # tests/stage_content.py

from wawaran_desktop.views import my_tasks_dock, responsive
from wawaran_desktop.views.screen_fit import room
from wawaran_desktop.views.stage_tab import BODY_MIN_HEIGHT

#: The room of a maximized window (logical pixels): the screen less 16 px of frame across and
#: 72 px of title bar and taskbar.
ROOM = {"150%": (911 - 16, 512 - 72), "125%": (1093 - 16, 614 - 72), "100%": (1366 - 16, 768 - 72)}
LONG_TITLE = ("Wawaran Sosialisasi Pembayaran Pajak Bumi dan Bangunan Perdesaan dan Perkotaan "
              "di Kecamatan Karawaci dan Kecamatan Cipondoh")


@pytest.fixture(autouse=True)
def after_start_up(monkeypatch):
    """The window's resize watches are installed at the end of start-up (views/responsive.py):
    here at once, as in a window that has been open a moment."""
    monkeypatch.setattr(responsive, "_ready_at", 0.0)


def settle(qtbot, window):
    qtbot.wait(30)
    window.layout().activate()
    qtbot.wait(30)


@pytest.fixture
def campaign_window(ws, staff, make_window, qtbot):
    sub, _tim = staff
    record = ws.campaigns.create(sub.id, LONG_TITLE, "Jatuh tempo PBB-P2 akhir bulan ini bagi warga")
    long_name = ws.staff.add("Dr. Hj. Rahmawati Kusumaningtyas, S.Sos., M.Si.", "19800101 200501 2 003",
                             "Pranata Hubungan Masyarakat Ahli Muda", "subkor")
    for no in (1, 2, 5):  # steps of the Sub Kor's lane
        ws.steps.assign(sub.id, record.id, no, long_name.id)
    window = make_window(ws, sub.id)
    window.list.select(record.id)
    return window, record


def visible_in(widget: QWidget, window: QWidget) -> bool:
    """``widget`` is wholly on screen within ``window``: inside the window, and not cut by any
    widget above it (a scroll area's viewport, a splitter's pane)."""
    if not widget.isVisible():
        return False
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(rect):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown = QRect(parent.mapTo(window, QPoint(0, 0)), parent.size())
        if not shown.contains(rect):
            return False
        parent = parent.parentWidget()
    return True


@pytest.mark.parametrize("scale", ["150%", "125%", "100%"])
def test_the_window_fits_and_every_stage_button_and_list_is_reachable(campaign_window, qtbot, monkeypatch, scale):
    window, _record = campaign_window
    width, height = ROOM[scale]
    if scale != "100%":  # Tugas Saya opens by itself only on a roomy screen (the count is in the status bar)
        monkeypatch.setattr(my_tasks_dock, "ROOMY_SCREEN_WIDTH", 1367)
        if window.my_tasks.dock is not None:
            window.my_tasks.dock.close()
    else:  # the dock opens by itself beside the stages
        qtbot.waitUntil(lambda: window.my_tasks.dock is not None and window.my_tasks.dock.isVisible())
    window.resize(width, height)
    settle(qtbot, window)
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, (scale, hint)
    assert window.width() <= width and window.height() <= height
    for no in range(1, 10):
        window.ui.stageTabs.setCurrentIndex(no - 1)
        tab = window.stages.stage(no)
        settle(qtbot, window)
        assert window.minimumSizeHint().width() <= width, (scale, no, window.minimumSizeHint())
        scroll = tab.ui.stageScroll
        scroll.verticalScrollBar().setValue(0)
        settle(qtbot, window)
        assert not scroll.horizontalScrollBar().isVisible(), (scale, no)  # nothing cut at the side
        for button in (tab.ui.startButton, tab.ui.finishButton, tab.ui.pauseButton, tab.ui.reopenButton,
                       tab.ui.assigneeCombo):
            assert visible_in(button, window), (scale, no, button.objectName())
        combo = tab.ui.assigneeCombo  # the whole name of who is assigned, not "Dr. Hj. Rahmawati Ku…"
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 24, (scale, no)
        # The stage's content and its side lists: a usable height, at most one scroll away.
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        settle(qtbot, window)
        for part in (tab.ui.sideTabs, tab.ui.contentBox) if tab.panel is not None else (tab.ui.sideTabs,):
            assert visible_in(part, window), (scale, no, part.objectName())
            assert part.height() >= min(BODY_MIN_HEIGHT, scroll.viewport().height()) - 40, (scale, no)
        bar = tab.ui.sideTabs.tabBar()
        assert tab.ui.sideTabs.elideMode() == Qt.TextElideMode.ElideNone
        for i in range(bar.count()):  # "Kelengkapan", "Riwayat", "Catatan" whole, never "Ri…"
            assert bar.tabRect(i).right() <= tab.ui.sideTabs.width()
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i))
    assert visible_in(window.my_tasks.button, window)  # the status bar's Tugas Saya


def test_at_150_percent_the_form_gets_a_usable_height(campaign_window, qtbot):
    window, _record = campaign_window
    window.resize(*ROOM["150%"])
    window.ui.stageTabs.setCurrentIndex(0)
    tab = window.stages.stage(1)
    settle(qtbot, window)
    scroll = tab.ui.stageScroll
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    settle(qtbot, window)
    # Before issue 15 the form showed about two rows (some 70 px).
    assert tab.panel.height() >= 200, tab.panel.height()
    assert visible_in(tab.panel, window)
    # The header is one scroll up, and the timer goes under the details when narrow.
    assert tab.ui.timerBox.mapTo(tab, QPoint(0, 0)).y() > tab.ui.assigneeCombo.mapTo(tab, QPoint(0, 0)).y()


def test_a_long_title_and_name_never_widen_the_window(campaign_window, qtbot):
    window, _record = campaign_window
    window.resize(*ROOM["150%"])
    settle(qtbot, window)
    assert window.ui.titleLabel.text() == LONG_TITLE  # whole, shown cut with "…"
    assert window.ui.titleLabel.width() < window.ui.titleLabel.fontMetrics().horizontalAdvance(LONG_TITLE)
    assert LONG_TITLE in window.ui.titleLabel.toolTip()
    assert window.ui.titleLabel.height() < 2 * window.ui.titleLabel.fontMetrics().lineSpacing()  # one line
    assert window.ui.listPanel.minimumSizeHint().width() <= 300
    # the list may be folded away entirely, the stages never
    assert window.ui.splitter.isCollapsible(0) and not window.ui.splitter.isCollapsible(1)


def test_the_my_tasks_dock_opened_on_a_small_screen_keeps_the_window_on_it(campaign_window, qtbot, monkeypatch):
    window, _record = campaign_window
    monkeypatch.setattr(my_tasks_dock, "ROOMY_SCREEN_WIDTH", 1367)  # a screen as at 125% or 150%
    window.resize(*ROOM["150%"])
    if window.my_tasks.dock is not None:  # (opened by itself after sign-in on the 1366 screen)
        window.my_tasks.dock.deleteLater()
        window.my_tasks.dock = None
        settle(qtbot, window)
    window.my_tasks.show_dock()
    settle(qtbot, window)
    assert window.my_tasks.dock.isVisible() and window.my_tasks.dock.isFloating()
    assert window.geometry().contains(window.my_tasks.dock.geometry())
    assert window.minimumSizeHint().width() <= ROOM["150%"][0], window.minimumSizeHint()


def test_the_my_tasks_dock_opens_by_itself_only_on_a_roomy_screen(campaign_window, qtbot, monkeypatch):
    window, _record = campaign_window
    assert window.my_tasks._roomy()  # 1366 logical pixels: 100%
    monkeypatch.setattr(my_tasks_dock, "ROOMY_SCREEN_WIDTH", 1367)  # as at 125%: 1093
    assert not window.my_tasks._roomy()


def header_geometries(window) -> dict[str, QRect]:
    tab = window.stages.stage(window.ui.stageTabs.currentIndex() + 1)
    parts = [tab.ui.timerBox, tab.ui.statusLabel, tab.ui.elapsedLabel, tab.ui.wallLabel, tab.ui.startButton,
             tab.ui.finishButton, tab.ui.pauseButton, tab.ui.reopenButton, tab.ui.assigneeCombo,
             tab.ui.bodySplitter, tab.ui.contentBox, tab.ui.sideTabs, window.ui.stageTabs, window.ui.titleLabel]
    return {part.objectName(): QRect(part.mapTo(window, QPoint(0, 0)), part.size()) for part in parts}


@pytest.mark.parametrize("scale", ["150%", "100%"])
def test_starting_pausing_and_resuming_a_stage_moves_nothing(campaign_window, qtbot, modals, scale):
    window, _record = campaign_window
    window.resize(*ROOM[scale])
    window.ui.stageTabs.setCurrentIndex(0)
    tab = window.stages.stage(1)
    settle(qtbot, window)
    before = header_geometries(window)
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert tab.ui.statusLabel.text().startswith("Berjalan")
    assert header_geometries(window) == before
    modals.then(lambda dialog: (dialog.setTextValue("Menunggu kendaraan"), dialog.accept()))
    qtbot.mouseClick(tab.ui.pauseButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert tab.ui.pauseButton.text() == "Lan&jutkan" and "jeda" in tab.ui.wallLabel.text()
    assert header_geometries(window) == before


def test_finishing_the_shown_stage_moves_to_the_next_stages_tab(campaign_window, ws, staff, qtbot):
    window, record = campaign_window
    sub, _tim = staff
    window.ui.stageTabs.setCurrentIndex(0)
    tab = window.stages.stage(1)
    qtbot.mouseClick(tab.ui.startButton, Qt.MouseButton.LeftButton)
    fill_stage(ws, sub.id, record.id, 1)
    window.refresh()
    qtbot.mouseClick(tab.ui.finishButton, Qt.MouseButton.LeftButton)
    assert ws.campaigns.get(record.id).step(1).state.name == "FINISHED"
    assert window.ui.stageTabs.currentIndex() == 1  # on to stage 2, Briefing
    assert window.stages.stage(2).isVisible()
    # Reopening stage 1 from its tab (shown again) stays there.
    window.ui.stageTabs.setCurrentIndex(0)
    assert window.ui.stageTabs.currentIndex() == 0


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_no_alt_letter_is_used_twice_by_the_menus_and_a_stage_tabs_header(campaign_window, qtbot):
    window, _record = campaign_window
    menus = [action.text() for action in window.menuBar().actions() if action.menu() is not None]
    assert len(menus) >= 6
    for no in range(1, 10):
        window.ui.stageTabs.setCurrentIndex(no - 1)
        tab = window.stages.stage(no)
        texts = list(menus)
        header = [tab.ui.startButton, tab.ui.finishButton, tab.ui.pauseButton, tab.ui.reopenButton,
                  tab.ui.assigneeCaption, tab.ui.timerBox, tab.ui.contentBox]
        for widget in header:
            if isinstance(widget, QAbstractButton | QLabel):
                texts.append(widget.text())
            elif isinstance(widget, QGroupBox):
                texts.append(widget.title())
        texts.append("Lan&jutkan")  # the pause button's other text: the same button, the same letter
        texts += [tab.ui.sideTabs.tabText(i) for i in range(tab.ui.sideTabs.count())]
        letters = [mnemonic(text) for text in texts if mnemonic(text)]
        assert letters.count("j") == 2  # Jeda… and Lanjutkan, one button
        letters.remove("j")
        clashes = {letter for letter in letters if letters.count(letter) > 1}
        assert not clashes, (no, clashes, texts)


def test_the_assignee_box_shows_whole_names_and_its_list_the_positions(campaign_window, qtbot):
    window, _record = campaign_window
    window.resize(*ROOM["150%"])
    tab = window.stages.stage(1)
    settle(qtbot, window)
    combo = tab.ui.assigneeCombo
    assert combo.currentText() == "Dr. Hj. Rahmawati Kusumaningtyas, S.Sos., M.Si."  # the name in the box
    whole = "Dr. Hj. Rahmawati Kusumaningtyas, S.Sos., M.Si. — Pranata Hubungan Masyarakat Ahli Muda"
    assert combo.toolTip() == whole
    view = combo.view()  # the list: each name with its position, whole
    shown = []
    for i in range(combo.count()):
        option = QStyleOptionViewItem()
        combo.itemDelegate().initStyleOption(option, combo.model().index(i, 0))
        shown.append(option.text)
    assert whole in shown and "Siti Rahmawati — Sub Koordinator DIMC" in shown
    assert view.minimumWidth() >= max(view.fontMetrics().horizontalAdvance(text) for text in shown)


def test_the_window_opens_within_the_room_the_first_time_and_after_a_larger_screen(ws, staff, make_window, qtbot):
    sub, _tim = staff
    window = make_window(ws, sub.id)
    most = room(window)
    assert window.width() <= most.width() and window.height() <= most.height()
    window.resize(1366, 768)  # as remembered from a larger screen (or a smaller scaling)
    window.close()  # remembers its geometry
    again = make_window(ws, sub.id)
    assert again.width() <= most.width() and again.height() <= most.height(), again.size()


def test_a_stage_shown_during_start_up_is_arranged_for_its_room_before_the_watch(ws, staff, make_window, qtbot,
                                                                                monkeypatch):
    """Start-up installs no Python event filter (test_cli); a stage tab shown then is arranged
    when shown, and the label cut with "…" is whole text until its painter comes."""
    monkeypatch.setattr(responsive, "_ready_at", time.monotonic() + 600)  # start-up lasts the test
    sub, _tim = staff
    record = ws.campaigns.create(sub.id, LONG_TITLE)
    window = make_window(ws, sub.id)
    window.resize(*ROOM["150%"])
    window.list.select(record.id)
    window.hide()
    window.show()  # (shown again at the small size: arranged then)
    qtbot.waitExposed(window)
    tab = window.stages.stage(1)
    assert tab._narrow is True and not tab.ui.stageScroll.horizontalScrollBar().isVisible()
    assert tab.ui.timerBox.mapTo(tab, QPoint(0, 0)).y() > tab.ui.assigneeCombo.mapTo(tab, QPoint(0, 0)).y()
