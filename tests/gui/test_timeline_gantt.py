"""The campaign timeline (Gantt) in its dock: installed cheaply, opened with F10, following the
campaign the window shows, and growing live each second without being rebuilt."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fakes import Clock  # tests/fakes.py
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsSimpleTextItem
from stage_content import fill_stage

from wawaran_desktop.services.timing import StepState, StepStatus
from wawaran_desktop.services.workspace import open_workspace
from wawaran_desktop.views.swimlane import timeline_paint as paint
from wawaran_desktop.views.swimlane.timeline_gantt import ROW_H, ROWS_TOP, break_lines
from wawaran_desktop.views.swimlane.timeline_install import GANTT_TEXT, STATS_TEXT, VISIBLE_KEY


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed_ws(data_dir, clock):
    workspace = open_workspace(data_dir, clock=clock)
    yield workspace
    workspace.close()


def texts(scene) -> list[str]:
    return [item.text() for item in scene.items() if isinstance(item, QGraphicsSimpleTextItem)]


def test_install_adds_two_actions_and_builds_nothing_until_used(ws, staff, make_window):
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    texts = [a.text() for a in window.ui.menuView.actions()]
    assert texts.count(GANTT_TEXT) == texts.count(STATS_TEXT) == 1  # (Tugas Saya's item follows them)
    at = texts.index(GANTT_TEXT)
    assert texts[at:at + 2] == [GANTT_TEXT, STATS_TEXT]
    assert menu.gantt_action.shortcut() == QKeySequence("F10") and menu.gantt_action.isCheckable()
    assert menu.dock is None and menu.view is None and menu.dialog is None
    assert window.findChild(type(window), "timelineDock") is None


def test_installing_imports_neither_the_charts_nor_the_computations():
    """Start-up is measured: install only creates two actions."""
    code = ("import sys\nimport wawaran_desktop.views.swimlane.timeline_install\n"
            "print(sorted(m for m in sys.modules if 'timeline' in m))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "['wawaran_desktop.views.swimlane.timeline_install']"


def test_f10_opens_a_dock_that_follows_the_shown_campaign(timed_ws, clock, make_window, qtbot):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    first = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    clock.advance(minutes=1)
    second = ws.campaigns.create(sub.id, "Wawaran PBB").id
    ws.steps.start(sub.id, second, 1)
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    window.list.select(second)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F10)
    assert menu.gantt_action.isChecked() and menu.dock.isVisible()
    assert menu.view.record.id == second and menu.view.timeline.steps[0].state is StepState.RUNNING
    assert any("Wawaran PBB" in t for t in texts(menu.view.scene()))

    window.list.select(first)  # a draft: only the plan, from now
    assert menu.view.record.id == first
    assert not menu.view.timeline.started and all(b.planned for b in menu.view.timeline.steps)
    assert "baku 20 mnt · belum dimulai" in texts(menu.view.scene())

    menu.dock.toggleViewAction().trigger()  # the dock's own close button
    assert not menu.dock.isVisible() and not menu.gantt_action.isChecked()
    window.list.select(second)  # hidden: not followed...
    assert menu.view.record.id == first
    menu.gantt_action.trigger()  # ...until shown again
    assert menu.dock.isVisible() and menu.view.record.id == second


def test_a_running_bar_grows_each_second_without_rebuilding_the_chart(timed_ws, clock, make_window):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    ws.steps.start(sub.id, cid, 1)  # standard 20 minutes
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    menu.gantt_action.trigger()
    view = menu.view
    clock.advance(minutes=2)
    window.tick()
    built = view.rebuilds
    gantt = view.gantt
    bar = gantt.items[("work", 1, 0)]
    width, now_x = bar.rect().width(), gantt.items["now"].line().x1()

    clock.advance(seconds=60)
    window.tick()  # emits ticked: the dock follows
    assert view.rebuilds == built and view.gantt is gantt
    assert bar.rect().width() == pytest.approx(width + gantt.per_minute)
    assert gantt.items["now"].line().x1() == pytest.approx(now_x + gantt.per_minute)
    assert gantt.items[("figures", 1)].text() == "kerja 3 mnt 00 dtk / baku 20 mnt"
    assert gantt.items["now_label"].text() == "sekarang 09.03"
    assert bar.toolTip() == gantt._tooltip(view.gantt.timeline.steps[0])  # not frozen at the first build
    assert "Waktu kerja: 3 mnt 00 dtk (jeda tidak dihitung)" in bar.toolTip()
    assert gantt.items[("standard", 1, 0)].toolTip() == bar.toolTip()
    clock.advance(seconds=1)
    window.tick()  # the working time counts every second
    assert view.rebuilds == built and gantt.items[("figures", 1)].text() == "kerja 3 mnt 01 dtk / baku 20 mnt"

    clock.advance(minutes=12, seconds=59)  # 16 of 20 minutes: at risk, a new colour
    window.tick()
    assert view.rebuilds == built + 1
    work = view.gantt.items[("work", 1, 0)]
    assert work.brush().color() == paint.status_colour(StepStatus.AT_RISK)


def test_pauses_reopenings_and_finishing_show_after_the_window_reloads(timed_ws, clock, make_window):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    ws.steps.start(sub.id, cid, 1)
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    menu.gantt_action.trigger()
    clock.advance(minutes=5)
    ws.steps.pause(sub.id, cid, 1, "Menunggu data Prokomp")
    clock.advance(minutes=30)
    ws.steps.resume(sub.id, cid, 1)
    clock.advance(minutes=5)
    fill_stage(ws, sub.id, cid, 1)
    ws.steps.finish(sub.id, cid, 1)
    clock.advance(minutes=10)
    ws.steps.reopen(sub.id, cid, 1, "Sumber data salah")
    clock.advance(minutes=3)
    window.show_campaign(cid)  # what the window does after a stage changed
    gantt = menu.view.gantt
    step = menu.view.timeline.steps[0]
    assert step.reopened and len(step.pauses) == 1
    assert ("pauses", 1, 0) in gantt.items and ("work", 1, 2) in gantt.items
    assert gantt.items[("pauses", 1, 0)].brush().style() != gantt.items[("work", 1, 0)].brush().style()
    assert "↺" in texts(gantt.scene)
    assert gantt.items[("figures", 1)].text() == "kerja 13 mnt 00 dtk / baku 20 mnt\njam dinding 43 mnt 00 dtk"
    assert "Dijeda 1 kali, 30 mnt 00 dtk" in gantt.items[("work", 1, 0)].toolTip()
    # Later steps are planned after the running one's standard, dashed.
    assert menu.view.timeline.steps[1].planned


def test_nothing_selected_and_a_campaign_cancelled_before_it_started_say_so(timed_ws, make_window):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    window = make_window(ws)
    menu = window.timeline  # the main window installs it
    menu.gantt_action.trigger()
    assert menu.view.record is None and menu.view.gantt is None
    assert any("Pilih kampanye" in t for t in texts(menu.view.scene()))
    cid = ws.campaigns.create(sub.id, "Wawaran Batal").id
    ws.campaigns.cancel(sub.id, cid, "Acara ditunda")
    window.list.reload(select_id=cid)
    assert menu.view.record.id == cid and menu.view.gantt is None
    assert any("Belum ada tahap yang dimulai" in t for t in texts(menu.view.scene()))


def run_to_step(ws, cid: int, last: int, clock: Clock) -> None:
    """Finish steps 1 … last-1 (a few minutes each) and start step ``last``, each by a person of
    its lane (tests/crew.py)."""
    from crew import step_actor
    from stage_content import READINESS_REASON

    for no in range(1, last):
        actor = step_actor(ws, cid, no)
        ws.steps.start(actor, cid, no)
        fill_stage(ws, actor, cid, no)
        clock.advance(minutes=3)
        ws.steps.finish(actor, cid, no, reason=READINESS_REASON if no == 6 else None)
    ws.steps.start(step_actor(ws, cid, last), cid, last)


def laptop_window(make_window, ws, qtbot, show: int | None = None):
    """A main window as large as the office's 1366x768 laptop screen, showing campaign ``show``
    (by default a new one: the stage tabs are shown)."""
    window = make_window(ws)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.height() == 768)
    if show is None:
        actor = ws.staff.list()[0].id
        show = ws.campaigns.create(actor, "Wawaran PBB").id
        window.list.reload(select_id=show)
    else:
        window.list.select(show)
    assert window.ui.stageTabs.isVisible()
    return window


def in_front(window, dock) -> bool:
    """Shown, not behind another dock's tab (Qt moves a tab's hidden docks off the window)."""
    return dock.isVisible() and window.rect().contains(dock.geometry())


def test_a_dock_alone_keeps_the_stage_tabs_most_of_the_window(ws, staff, make_window, qtbot):
    window = laptop_window(make_window, ws, qtbot)
    window.timeline.gantt_action.trigger()
    dock = window.timeline.dock
    qtbot.wait(50)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert dock.height() <= 0.4 * window.height() + 1
    assert window.ui.stageTabs.height() >= 0.45 * window.height()  # about half (was a third)


@pytest.mark.parametrize("first", ["swimlane", "timeline"])
def test_both_docks_share_one_place_as_tabs(ws, staff, make_window, qtbot, first):
    """Side by side, neither would be readable and the stage would have ~100 px left."""
    window = laptop_window(make_window, ws, qtbot)
    actions = {"swimlane": window.swimlane.action, "timeline": window.timeline.gantt_action}
    second = "timeline" if first == "swimlane" else "swimlane"
    actions[first].trigger()
    actions[second].trigger()
    docks = {"swimlane": window.swimlane.dock, "timeline": window.timeline.dock}
    assert docks["swimlane"].objectName() == "swimlaneDock" and docks["timeline"].objectName() == "timelineDock"
    assert docks[first] in window.tabifiedDockWidgets(docks[second])
    qtbot.wait(50)
    assert in_front(window, docks[second]) and not in_front(window, docks[first])  # the one just opened
    assert docks[first].toggleViewAction().isChecked()  # behind its tab, not closed
    assert window.ui.stageTabs.height() >= 0.45 * window.height()  # about half (was a third)
    assert docks["timeline"].width() > 0.8 * window.width()  # the whole width: labels not cut


def test_the_dock_behind_its_tab_catches_up_when_brought_to_the_front(timed_ws, clock, make_window, qtbot):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    first = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    clock.advance(minutes=1)
    second = ws.campaigns.create(sub.id, "Wawaran PBB").id
    window = make_window(ws)
    window.list.select(first)
    window.swimlane.action.trigger()
    window.timeline.gantt_action.trigger()  # in front of the swimlane
    window.list.select(second)
    assert window.timeline.view.record.id == second
    window.swimlane.dock.raise_()
    qtbot.waitUntil(lambda: in_front(window, window.swimlane.dock))
    assert window.swimlane.panel.record.id == second
    window.list.select(first)
    window.timeline.dock.raise_()
    qtbot.waitUntil(lambda: in_front(window, window.timeline.dock))
    assert window.timeline.view.record.id == first


def test_whether_the_timeline_was_open_is_remembered(ws, staff, make_window, qtbot):
    window = make_window(ws)
    window.timeline.gantt_action.trigger()
    assert window.settings.value(VISIBLE_KEY) in (True, "true")
    window.flush = lambda: True
    window.close()
    again = make_window(ws)
    assert again.timeline.dock is None  # restored once the window is on screen
    qtbot.waitUntil(lambda: again.timeline.dock is not None and again.timeline.dock.isVisible())
    assert again.timeline.gantt_action.isChecked()
    again.timeline.dock.close()  # its own close button
    qtbot.waitUntil(lambda: not again.timeline.gantt_action.isChecked())
    assert again.settings.value(VISIBLE_KEY) in (False, "false")


def test_the_timeline_opens_at_its_title_and_shows_the_running_step(timed_ws, clock, make_window, qtbot):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    early = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    ws.steps.start(sub.id, early, 1)
    late = ws.campaigns.create(sub.id, "Wawaran PBB").id
    run_to_step(ws, late, 8, clock)
    window = laptop_window(make_window, ws, qtbot, show=early)
    window.timeline.gantt_action.trigger()
    view = window.timeline.view
    bar = view.verticalScrollBar()
    qtbot.wait(50)
    assert bar.maximum() > 0  # the chart is taller than the dock
    assert bar.value() == bar.minimum() and view.horizontalScrollBar().value() == 0  # the title line shows

    def row_on_screen(row: int) -> bool:
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        return visible.top() <= ROWS_TOP + row * ROW_H and ROWS_TOP + (row + 1) * ROW_H <= visible.bottom()

    window.list.select(late)  # stage 8 runs, below the rows the dock shows at first
    assert view.running_row() == 7 and row_on_screen(7)
    window.list.select(early)
    assert bar.value() == 0


def test_break_labels_wrap_after_the_unit_inside_the_grey_band(timed_ws, clock, make_window, qtbot):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    ws.steps.start(sub.id, cid, 1)
    fill_stage(ws, sub.id, cid, 1)
    clock.advance(minutes=10)
    ws.steps.finish(sub.id, cid, 1)
    clock.advance(minutes=100)  # an idle stretch: drawn as a break
    ws.steps.start(sub.id, cid, 2)
    clock.advance(minutes=2)
    window = make_window(ws)
    window.list.select(cid)
    window.timeline.gantt_action.trigger()
    scene = window.timeline.view.scene()
    assert break_lines("1 j 10 mnt") == ["1 j", "10 mnt"]
    assert break_lines("2 hari 3 jam") == ["2 hari", "3 jam"] and break_lines("45 mnt") == ["45 mnt"]
    band = next(i for i in scene.items() if isinstance(i, QGraphicsRectItem)
                and i.toolTip().startswith("Tidak ada pekerjaan selama "))
    span = band.toolTip().removeprefix("Tidak ada pekerjaan selama ").split(" (")[0]
    assert span.startswith("1 j ") and span.endswith(" mnt")  # e.g. "1 j 20 mnt"
    lines = [i for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem) and i.toolTip() == band.toolTip()]
    assert [i.text() for i in sorted(lines, key=lambda i: i.y())] == break_lines(span)
    area = band.sceneBoundingRect()
    for line in lines:
        box = line.sceneBoundingRect()
        assert area.left() <= box.left() and box.right() <= area.right(), line.text()
        assert abs(box.center().x() - area.center().x()) < 1  # each line centred in the band


def test_the_working_time_reads_as_in_the_main_window_to_the_second(timed_ws, clock, make_window):
    ws = timed_ws
    sub = ws.staff.add("Siti Rahmawati", None, "Sub Koordinator DIMC", "subkor")
    cid = ws.campaigns.create(sub.id, "Wawaran Banjir").id
    ws.steps.start(sub.id, cid, 1)
    clock.advance(minutes=64, seconds=50)
    window = make_window(ws)
    window.list.select(cid)
    window.timeline.gantt_action.trigger()
    window.tick()
    assert "Waktu kerja 64 mnt 50 dtk dari baku 185 mnt" in window.ui.totalLabel.text()
    header = window.timeline.view.gantt.items["header"].text()
    assert "waktu kerja 64 mnt 50 dtk dari baku 185 mnt" in header
    figures = window.timeline.view.gantt.items[("figures", 1)].text()
    assert figures == "kerja 64 mnt 50 dtk / baku 20 mnt"
    tip = window.timeline.view.gantt.items[("work", 1, 0)].toolTip()
    assert "Waktu kerja: 64 mnt 50 dtk (jeda tidak dihitung), +44 mnt 50 dtk dari baku" in tip
