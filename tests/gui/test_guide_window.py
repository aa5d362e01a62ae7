"""*Bantuan → Panduan Pengguna* and F1: the user guide's window opens at the contents, or at the
page of the stage whose tab has the focus; it moves back, forward and home, follows its contents
list, names every key of the window, and fits a 1366x768 laptop screen scaled to 150%."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication

from wawaran_desktop.views.guide_help import HOME, guide_dir, stage_page

ROOT = Path(__file__).resolve().parents[2]


def label(text: str) -> str:
    """A menu or button text as read: without its mnemonic's ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def page_text(name: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml((guide_dir() / name).read_text(encoding="utf-8"))
    return " ".join(document.toPlainText().split())


def activate(qtbot, window) -> None:
    window.activateWindow()  # a window manager does this; offscreen has none
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_menu_item_opens_the_guide_at_its_contents(qtbot, ws, staff, make_window):
    window = make_window(ws, staff[0].id)
    help_menu = window.ui.menuHelp
    first = help_menu.actions()[0]
    assert first is window.guide.action and label(first.text()) == "Panduan Pengguna"
    assert first.shortcut() == QKeySequence("F1")  # shown beside the item
    assert window.guide.window is None  # built on first use
    first.trigger()
    guide = window.guide.window
    qtbot.waitExposed(guide)
    assert guide.isVisible() and not guide.isModal() and guide.isWindow()
    assert guide.current_page() == HOME
    assert guide.heading() == "Panduan Pengguna Wawaran Desktop"
    assert guide.contents.currentItem().text(0) == "Daftar Isi"
    # The window stays usable beside it (non-modal): a second opening reuses the window.
    assert QApplication.activeModalWidget() is None
    first.trigger()
    assert window.guide.window is guide


def test_f1_on_each_stage_tab_opens_that_stages_page(qtbot, ws, staff, make_window):
    ws.campaigns.create(staff[0].id, "Wawaran Uji Bantuan")
    window = make_window(ws, staff[0].id)
    activities = window.record.sop.activities
    assert len(activities) == 9
    for activity in activities:
        activate(qtbot, window)
        window.ui.stageTabs.setCurrentIndex(activity.no - 1)
        tab = window.stages.stage(activity.no)
        tab.ui.startButton.setFocus()
        qtbot.waitUntil(lambda tab=tab: QApplication.focusWidget() is tab.ui.startButton)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
        guide = window.guide.window
        assert guide is not None and guide.isVisible()
        assert guide.current_page() == stage_page(activity.workspace)
        assert guide.heading() == f"Tahap {activity.no}: {activity.short}"
        assert guide.contents.currentItem().text(0) == f"Tahap {activity.no}: {activity.short}"
    # The tab bar itself counts as the stage too.
    activate(qtbot, window)
    window.ui.stageTabs.setCurrentIndex(3)
    window.ui.stageTabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.ui.stageTabs.tabBar())
    qtbot.keyClick(window.ui.stageTabs.tabBar(), Qt.Key.Key_F1)
    assert window.guide.window.heading() == "Tahap 4: Narasi"


def test_f1_outside_the_stages_opens_the_contents(qtbot, ws, staff, make_window):
    ws.campaigns.create(staff[0].id, "Wawaran Uji Bantuan")
    window = make_window(ws, staff[0].id)
    activate(qtbot, window)
    window.ui.searchEdit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.ui.searchEdit)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_F1)
    assert window.guide.window.current_page() == HOME


def test_back_forward_home_and_the_contents_list(qtbot, ws, staff, make_window):
    window = make_window(ws, staff[0].id)
    guide = window.guide.open("tahap-theme.html")
    qtbot.waitExposed(guide)
    assert not guide.back_button.isEnabled()
    assert guide.heading() == "Tahap 3: Tema"
    guide.browser.setSource(guide.url("pesan.html#lajur"))  # as a click on a link does
    assert guide.heading() == "Bila muncul pesan"
    assert guide.contents.currentItem().text(0) == "Bila muncul pesan"
    assert guide.back_button.isEnabled()
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    assert guide.heading() == "Tahap 3: Tema"
    assert guide.forward_button.isEnabled()
    qtbot.mouseClick(guide.forward_button, Qt.MouseButton.LeftButton)
    assert guide.current_page() == "pesan.html"
    qtbot.mouseClick(guide.home_button, Qt.MouseButton.LeftButton)
    assert guide.current_page() == HOME
    items = [guide.contents.topLevelItem(i).child(j) for i in range(guide.contents.topLevelItemCount())
             for j in range(guide.contents.topLevelItem(i).childCount())]
    pintasan = next(item for item in items if item.text(0) == "Pintasan papan ketik")
    guide.contents.setCurrentItem(pintasan)
    assert guide.current_page() == "pintasan.html"
    activate(qtbot, guide)
    qtbot.keyClick(guide.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert guide.current_page() == HOME
    qtbot.keyClick(guide.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert guide.current_page() == "pintasan.html"
    qtbot.keyClick(guide.browser, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert guide.current_page() == HOME


def test_the_shortcuts_page_names_every_key_of_the_window(qtbot, ws, staff, make_window):
    """Collected from the window as it is: its actions' shortcuts, its own shortcuts, the menus'
    and the stage buttons' Alt letters. A key added without a line in the guide fails here."""
    ws.campaigns.create(staff[0].id, "Wawaran Uji Bantuan")
    window = make_window(ws, staff[0].id)
    text = page_text("pintasan.html")
    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(actions) >= 10
    for action in actions:
        key = action.shortcut().toString()
        assert f"{key} {label(action.text())}" in text, (key, action.text())
    for shortcut in window.findChildren(QShortcut):
        assert f"{shortcut.key().toString()} " in text, shortcut.key().toString()
    for menu in window.menuBar().actions():
        letter = re.search(r"&([^&])", menu.text()).group(1).upper()
        assert f"Alt+{letter} {label(menu.text())}" in text, menu.text()
    tab = window.stages.stage(1)
    for button in (tab.ui.startButton, tab.ui.finishButton, tab.ui.pauseButton, tab.ui.reopenButton):
        letter = re.search(r"&([^&])", button.text()).group(1).upper()
        assert f"Alt+{letter} {label(button.text())}" in text, button.text()
    assert all(isinstance(b, QAbstractButton) for b in (tab.ui.startButton, tab.ui.finishButton))


def test_the_window_fits_the_tests_laptop_screen(qtbot, ws, staff, make_window):
    window = make_window(ws, staff[0].id)
    guide = window.guide.open()
    qtbot.waitExposed(guide)
    available = guide.screen().availableGeometry()
    assert available.width() == 1366  # tests/offscreen_screen.json
    frame = guide.frameGeometry()
    assert available.contains(frame)
    assert frame.width() <= available.width() * 0.9 + 1 and frame.height() <= available.height() * 0.9 + 1


SMALL_SCREEN = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
                "screens": [{"name": "Laptop150", "x": 0, "y": 0, "width": 911, "height": 512,
                             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from wawaran_desktop.views.guide_help import guide_dir
from wawaran_desktop.views.guide_window import GuideWindow
window = GuideWindow(guide_dir())
found = {}
for page in ("index.html", "kampanye.html", "tahap-briefing.html", "pintasan.html"):
    window.show_page(page)
    for _ in range(5):
        app.processEvents()
    bar = window.browser.horizontalScrollBar()
    found[page] = bar.maximum()
frame, area = window.frameGeometry(), window.screen().availableGeometry()
print(json.dumps({"frame": frame.getRect(), "area": area.getRect(), "hscroll": found,
                  "contents": window.contents.width(), "viewport": window.browser.viewport().width()}))
"""


def test_the_window_fits_1366x768_at_150_percent(tmp_path):
    """911x512 logical pixels: the window, its contents list and a page with pictures fit without
    scrolling sideways. In a process of its own: the screen is fixed when Qt starts."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SMALL_SCREEN), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    x, y, width, height = found["frame"]
    assert found["area"] == [0, 0, 911, 512]
    assert x >= 0 and y >= 0 and x + width <= 911 and y + height <= 512
    assert width >= 700 and height >= 400  # still a usable reading window
    assert found["contents"] >= 180
    assert found["hscroll"] == {page: 0 for page in found["hscroll"]}, found
