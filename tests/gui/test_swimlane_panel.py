"""The swimlane dock in the real main window: menu, F9, following the campaign, click, zoom,
saving PDF/PNG through the save flow, print preview and the official SOP document."""

from __future__ import annotations

import re

import pytest
from fakes import answer_save_dialog  # tests/fakes.py
from office import pdf_pages, pdf_text  # tests/office.py
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from wawaran_desktop.views.swimlane.install import SIZE_KEY, VISIBLE_KEY


@pytest.fixture
def window(ws, staff, make_window):
    win = make_window(ws)
    assert win.swimlane.window is win  # the main window installs the dock's actions itself
    return win


def close_saved_message(box: QMessageBox) -> None:
    assert box.windowTitle() == "Berkas tersimpan"
    next(b for b in box.buttons() if b.text() == "Tutup").click()


def back_to_window(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def show_chart(qtbot, window):
    window.swimlane.action.trigger()
    qtbot.waitUntil(lambda: window.swimlane.dock is not None and window.swimlane.dock.isVisible())
    return window.swimlane.panel


def symbol_point(panel, no: int) -> QPoint:
    items = panel.scene.step_items(no)
    return panel.ui.view.mapFromScene(items.symbol.sceneBoundingRect().center())


def test_install_adds_the_actions_and_builds_nothing(window):
    texts = [a.text() for a in window.ui.menuView.actions()]  # the timeline adds its own entries too
    assert "&Bagan Alir SOP (swimlane)" in texts and "Simpan Dokumen SOP Resmi (PDF)…" in texts
    assert texts.index("Simpan Dokumen SOP Resmi (PDF)…") == texts.index("&Bagan Alir SOP (swimlane)") + 1
    assert window.swimlane.action.shortcut().toString() == "F9"
    assert window.swimlane.dock is None and window.swimlane.panel is None


def test_f9_opens_the_dock_with_the_shown_campaign_and_remembers_it(qtbot, window, ws, staff):
    cid = ws.campaigns.create(staff[0].id, "Wawaran PBB").id
    ws.steps.start(staff[0].id, cid, 1)
    window.list.reload(select_id=cid)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.swimlane.dock is not None and window.swimlane.dock.isVisible())
    panel = window.swimlane.panel
    assert panel.record.id == cid
    assert "Wawaran PBB" in panel.ui.titleLabel.text()
    assert panel.scene.step_items(1).label_text().endswith("\n/ 20 mnt")
    assert window.settings.value(VISIBLE_KEY) in (True, "true")
    window.swimlane.dock.close()
    qtbot.waitUntil(lambda: not window.swimlane.action.isChecked())
    assert window.settings.value(VISIBLE_KEY) in (False, "false")


def test_dock_follows_the_selected_campaign_and_the_tick(qtbot, window, ws, staff):
    first = ws.campaigns.create(staff[0].id, "Pertama").id
    second = ws.campaigns.create(staff[0].id, "Kedua").id
    ws.steps.start(staff[0].id, second, 1)
    panel = show_chart(qtbot, window)
    scene = panel.scene
    window.list.reload(select_id=first)
    qtbot.waitUntil(lambda: panel.record is not None and panel.record.id == first)
    assert panel.scene.step_items(1).label_text() == ""
    window.list.select(second)
    qtbot.waitUntil(lambda: panel.record.id == second)
    assert panel.scene is scene  # same SOP: the scene is kept, only the overlay changes
    line = panel.scene.step_items(1).lines[1]
    before = line.text()
    assert re.fullmatch(r"kerja 0 mnt \d\d dtk", before)  # seconds of the step just started
    qtbot.waitUntil(lambda: line.text() != before, timeout=3000)  # the window's one-second tick


# open_stage() raises the window, which Qt's offscreen platform cannot do (and says so).
def test_clicking_a_symbol_opens_its_stage_tab(qtbot, window, ws, staff):
    cid = ws.campaigns.create(staff[0].id, "Wawaran PBB").id
    window.list.reload(select_id=cid)
    panel = show_chart(qtbot, window)
    window.ui.stageTabs.setCurrentIndex(0)
    view = panel.ui.view
    view.centerOn(panel.scene.step_items(7).symbol)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=symbol_point(panel, 7))
    assert window.ui.stageTabs.currentIndex() == 6
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))  # not a symbol
    assert window.ui.stageTabs.currentIndex() == 6


def test_zoom_buttons_ctrl_wheel_and_fit(qtbot, window):
    panel = show_chart(qtbot, window)
    view = panel.ui.view
    assert view.zoom() == pytest.approx(1.0)
    panel.ui.zoomInButton.click()
    assert view.zoom() == pytest.approx(1.2) and panel.ui.zoomLabel.text() == "120%"
    panel.ui.zoomOutButton.click()
    panel.ui.zoomOutButton.click()
    assert view.zoom() == pytest.approx(1 / 1.2)
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    center = QPointF(view.viewport().rect().center())
    event = QWheelEvent(center, view.viewport().mapToGlobal(center), QPoint(), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() == pytest.approx(1.0)
    panel.ui.fitButton.click()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    scene_rect = view.sceneRect()
    assert visible.width() >= scene_rect.width() - 1 or visible.height() >= scene_rect.height() - 1
    panel.ui.actualSizeButton.click()
    assert panel.ui.zoomLabel.text() == "100%"


def test_save_pdf_and_png_from_the_panel(qtbot, window, ws, staff, tmp_path, monkeypatch, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran PBB Cipondoh").id
    ws.steps.start(staff[0].id, cid, 1)
    window.list.reload(select_id=cid)
    panel = show_chart(qtbot, window)
    asked = answer_save_dialog(monkeypatch, tmp_path / "bagan")  # the user typed no extension
    modals.then(close_saved_message)
    panel.ui.exportPdfButton.click()
    assert asked[0][1].endswith(f"swimlane-kampanye-{cid}.pdf")
    text = pdf_text(tmp_path / "bagan.pdf")
    assert "Wawaran PBB Cipondoh" in text and "Kernet/Supir" in text and "Membuat narasi wawaran" in text
    back_to_window(qtbot, window)
    answer_save_dialog(monkeypatch, tmp_path / "bagan.png")
    modals.then(close_saved_message)
    panel.ui.exportPngButton.click()
    image = QImage(str(tmp_path / "bagan.png"))
    assert not image.isNull() and image.width() > 1500
    back_to_window(qtbot, window)


def test_print_preview_shows_the_pages(qtbot, window, ws, staff, modals):
    cid = ws.campaigns.create(staff[0].id, "Wawaran PBB").id
    window.list.reload(select_id=cid)
    panel = show_chart(qtbot, window)
    seen = {}

    def look(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.pages_painted is not None)
        seen["pages"] = dialog.preview_widget().pageCount()
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    modals.then(look)
    panel.ui.printButton.click()
    assert seen["pages"] >= 1 and f"kampanye {cid}" in seen["title"]
    back_to_window(qtbot, window)


def test_official_sop_document_is_saved_from_the_menu(qtbot, window, tmp_path, monkeypatch, modals):
    answer_save_dialog(monkeypatch, tmp_path / "sop.pdf")
    modals.then(close_saved_message)
    window.swimlane.print_action.trigger()
    text = pdf_text(tmp_path / "sop.pdf")
    assert pdf_pages(tmp_path / "sop.pdf") >= 2
    for words in ("Dasar Hukum", "UU No. 14 Tahun 2004", "Kualifikasi Pelaksana", "SOP Peliputan dan Publikasi",
                  "Kendaraan wawaran", "Penggunaan Tata Bahasa", "Pencatatan dan Pendataan", "Keterangan",
                  "INDRI ASTUTI", "Kepala Bidang"):
        assert words in text, words
    assert window.swimlane.dock is None  # the document needs no chart on screen
    back_to_window(qtbot, window)


def test_dock_opens_small_under_the_stage_tabs_and_remembers_its_size(qtbot, window):
    window.resize(1400, 1000)
    window.show()
    qtbot.waitExposed(window)
    tabs_before = window.ui.stageTabs.height()
    show_chart(qtbot, window)
    dock = window.swimlane.dock
    qtbot.waitUntil(lambda: dock.height() > 0)
    qtbot.wait(50)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.height() <= 360  # about 300 px, not half the window
    assert window.ui.stageTabs.height() >= tabs_before - 360
    window.resizeDocks([dock], [420], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: abs(dock.height() - 420) <= 20)
    qtbot.waitUntil(lambda: int(window.settings.value(SIZE_KEY, 0)) == dock.height())


def run_to_step(ws, cid: int, last: int) -> None:
    """Finish steps 1 … last-1 and start step ``last``, each by a person of its lane (tests/crew.py)."""
    from crew import step_actor
    from stage_content import READINESS_REASON, fill_stage

    for no in range(1, last):
        actor = step_actor(ws, cid, no)
        ws.steps.start(actor, cid, no)
        fill_stage(ws, actor, cid, no)
        ws.steps.finish(actor, cid, no, reason=READINESS_REASON if no == 6 else None)
    ws.steps.start(step_actor(ws, cid, last), cid, last)


def on_screen(panel, no: int) -> bool:
    view = panel.ui.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return visible.contains(panel.scene.step_items(no).symbol.sceneBoundingRect())


def test_chart_opens_at_its_top_left_and_shows_the_running_step(qtbot, window, ws, staff):
    """Not scrolled to the chart's middle: the lane headers first, then the running step in view."""
    window.resize(1366, 768)
    actor = staff[0].id
    early = ws.campaigns.create(actor, "Baru dimulai").id
    ws.steps.start(actor, early, 1)
    late = ws.campaigns.create(actor, "Hampir selesai").id
    run_to_step(ws, late, 8)
    window.list.reload(select_id=early)
    panel = show_chart(qtbot, window)
    view = panel.ui.view
    bars = view.horizontalScrollBar(), view.verticalScrollBar()
    qtbot.waitUntil(lambda: bars[1].maximum() > 0)  # the dock is laid out: the chart is taller
    qtbot.wait(50)
    assert [b.value() for b in bars] == [b.minimum() for b in bars]
    assert on_screen(panel, 1) and view.follows_home()

    window.list.select(late)  # stage 8 runs, far down the chart: scrolled just enough to see it
    qtbot.waitUntil(lambda: panel.record.id == late)
    assert on_screen(panel, 8) and bars[1].value() > 0

    view.verticalScrollBar().triggerAction(view.verticalScrollBar().SliderAction.SliderToMinimum)
    top = bars[1].minimum()
    assert not view.follows_home() and bars[1].value() == top  # the user scrolled: kept ...
    window.show_campaign(late)  # ... when the same campaign is shown again
    assert bars[1].value() == top and not on_screen(panel, 8)
    window.list.select(early)  # another campaign: from the top again
    qtbot.waitUntil(lambda: panel.record.id == early)
    assert bars[1].value() == top and view.follows_home()
    window.list.select(late)
    qtbot.waitUntil(lambda: panel.record.id == late)
    assert on_screen(panel, 8)
